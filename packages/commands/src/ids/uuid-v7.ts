/** Makes a new event id. */
export type IdGenerator = () => string;

// Random bytes are drawn from the runtime's CSPRNG a pool at a time, as Node's own randomUUID
// does: one getRandomValues call per 409 ids instead of one per id.
const randomBytesPerId = 10;
const pool = new Uint8Array(4096 - (4096 % randomBytesPerId));
let poolAt = pool.length;

// The id is written as character codes into one reusable array and made into a string in one
// call: a single flat string, where concatenating pieces makes a rope that every reader of the id
// (a store validating it, say) must first copy into a flat one.
const dash = 0x2d;
const codes: number[] = new Array<number>(36).fill(dash);
const hexCodes = Array.from({ length: 16 }, (_, value) => value.toString(16).charCodeAt(0));
codes[14] = hexCodes[7] as number; // the version

// Where each random nibble goes: the 3 digits after the version, the 3 after the variant digit
// (position 19, written apart) and the last 12.
const randomPositions = [15, 16, 17, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35];
// Where the 12 digits of the time go (the dash at position 8 between them).
const timePositions = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12];
// The milliseconds the time digits in `codes` are for: ids come in bursts (a command's id, then
// its events'), mostly within one millisecond, so they are written once per millisecond.
let codesTime = Number.NaN;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, the version, 12 random bits, the
 * variant and 62 random bits, in canonical lowercase text. Ids made later sort later (to the
 * millisecond), which keeps them readable in logs and friendly to indexes.
 */
export function uuidV7(now: number = Date.now()): string {
  if (now !== codesTime) writeTime(now);
  if (poolAt === pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  // 80 random bits: 20 nibbles, 18 of them digits of their own, one giving the variant digit its
  // two low bits (10xx: 8, 9, a or b), one unused.
  let nibble = 0;
  for (let index = poolAt; index < poolAt + 9; index++) {
    const byte = pool[index] as number;
    codes[randomPositions[nibble++] as number] = hexCodes[byte >> 4] as number;
    codes[randomPositions[nibble++] as number] = hexCodes[byte & 0xf] as number;
  }
  codes[19] = hexCodes[0x8 | ((pool[poolAt + 9] as number) & 0x3)] as number;
  poolAt += randomBytesPerId;
  return String.fromCharCode.apply(null, codes);
}

function writeTime(now: number): void {
  const time = Math.floor(now);
  // 48 bits do not fit the 32 of bitwise operators: the high 16 and the low 32 apart.
  const high = Math.floor(time / 2 ** 32);
  const low = time >>> 0;
  for (let digit = 0; digit < 4; digit++)
    codes[timePositions[digit] as number] = hexCodes[(high >>> (4 * (3 - digit))) & 0xf] as number;
  for (let digit = 0; digit < 8; digit++)
    codes[timePositions[4 + digit] as number] = hexCodes[(low >>> (4 * (7 - digit))) & 0xf] as number;
  codesTime = now;
}
