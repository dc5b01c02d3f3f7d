/** Makes a new event id. */
export type IdGenerator = () => string;

// The time part of the last id made, and the milliseconds it is for: ids are made in bursts (a
// command's id, then its events'), mostly within one millisecond, so the formatting is reused.
let prefixTime = Number.NaN;
let prefix = '';

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made later sort
 * later (to the millisecond), which keeps them readable in logs and friendly to indexes.
 */
export function uuidV7(now: number = Date.now()): string {
  // A v4 UUID from the runtime's pooled entropy (about ten times faster than filling 16 bytes with
  // getRandomValues per id) already has v7's variant bits: keep its random part, put the time
  // before it and a 7 where its version 4 was.
  const random = globalThis.crypto.randomUUID(); // xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx
  if (now !== prefixTime) {
    const time = Math.floor(now).toString(16).padStart(12, '0');
    prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
    prefixTime = now;
  }
  return prefix + random.slice(15);
}
