/**
 * A copy of `bytes` as a plain `Uint8Array`. nats.js hands out Node `Buffer`s, whose `slice()`
 * is a view of the same memory, not a copy: a `ReplayError` must keep the bytes as they were.
 */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
