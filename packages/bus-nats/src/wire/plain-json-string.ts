/**
 * Short cuts for the commonest JSON field, an id of plain ASCII (a UUID, say): written and read
 * byte by byte instead of through JSON.stringify, Buffer.write and JSON.parse, which cost more
 * than the work for a few dozen characters. "Plain" means printable ASCII without `"` and `\`, the
 * characters JSON writes as they are; anything else takes the general path, so the bytes are the
 * same either way.
 */

const quote = 0x22;
const backslash = 0x5c;
/** Longer strings go through JSON.stringify and Buffer.write, which win for long text. */
const maxPlainLength = 128;

function isPlain(code: number): boolean {
  return code >= 0x20 && code <= 0x7e && code !== quote && code !== backslash;
}

/**
 * Writes `value` as a JSON string at `offset` when it is plain; returns the bytes written, or -1
 * (having written nothing that counts) when it is not.
 */
export function writePlainJsonString(target: Uint8Array, offset: number, value: string): number {
  const length = value.length;
  if (length > maxPlainLength) return -1;
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index);
    if (!isPlain(code)) return -1;
    target[offset + 1 + index] = code;
  }
  target[offset] = quote;
  target[offset + 1 + length] = quote;
  return length + 2;
}

/** The string the JSON text in `bytes[start, end)` holds when it is a plain JSON string, else undefined. */
export function readPlainJsonString(bytes: Buffer, start: number, end: number): string | undefined {
  if (end - start < 2 || end - start > maxPlainLength + 2) return undefined;
  if (bytes[start] !== quote || bytes[end - 1] !== quote) return undefined;
  for (let index = start + 1; index < end - 1; index++)
    if (!isPlain(bytes[index] as number)) return undefined;
  return bytes.toString('latin1', start + 1, end - 1);
}
