// Node's Buffer encodes UTF-8 several times faster than TextEncoder; a Buffer is a Uint8Array.
type NodeBuffer = {
  from(text: string, encoding: 'utf8'): Uint8Array;
  byteLength(text: string, encoding: 'utf8'): number;
};
const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;
const encoder = new TextEncoder();

/** `text` as UTF-8 bytes. */
export const utf8: (text: string) => Uint8Array =
  nodeBuffer === undefined ? (text) => encoder.encode(text) : (text) => nodeBuffer.from(text, 'utf8');

/** The number of bytes `utf8(text)` gives, without keeping them. */
export const utf8Length: (text: string) => number =
  nodeBuffer === undefined
    ? (text) => encoder.encode(text).length
    : (text) => nodeBuffer.byteLength(text, 'utf8');
