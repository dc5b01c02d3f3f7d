import type { Msg } from '@nats-io/nats-core';

/** Where a message a consumer delivered sits: in the stream, in the consumer, and what is left. */
export interface Delivery {
  /** The message's stream sequence. */
  streamSeq: number;
  /** The consumer's delivery count: 1, 2, 3... with no gap when nothing was lost on the way. */
  consumerSeq: number;
  /** Messages left for the consumer after this one. */
  pending: number;
}

const dot = 46;
const zero = 48;
const encoder = new TextEncoder();
const ackPrefix = encoder.encode('$JS.ACK.');

/** What precedes the delivery numbers in the ack subjects of `consumer` on `stream`: see `deliveryOf`. */
export function ackSubjectMarker(stream: string, consumer: string): Uint8Array {
  return encoder.encode(`.${stream}.${consumer}.`);
}

/**
 * Reads the delivery of a message from its reply (ack) subject, which after the stream and the
 * consumer's name (`marker`, from `ackSubjectMarker`) holds `<delivered>.<stream seq>.<consumer seq>.<time>.<pending>` (followed by a
 * random token since server 2.11; preceded by a domain and an account hash since 2.10). Undefined
 * when `reply` is not an ack subject of that consumer.
 */
export function deliveryOf(reply: string, marker: Uint8Array): Delivery | undefined {
  return deliveryOfBytes(encoder.encode(reply), marker);
}

/**
 * `deliveryOf` for a message a subscription delivered, from the bytes of its reply subject, without
 * decoding them into a string: this runs once per message of a replay or a log read. The bytes are
 * nats.js's own field (`MsgImpl._msg.reply`, nats.js 3.4, pinned); a message without it is read
 * through `msg.reply`.
 */
export function deliveryOfMessage(msg: Msg, marker: Uint8Array): Delivery | undefined {
  const reply = (msg as unknown as { _msg?: { reply?: unknown } })._msg?.reply;
  if (reply instanceof Uint8Array) return deliveryOfBytes(reply, marker);
  return msg.reply === undefined || msg.reply === '' ? undefined : deliveryOf(msg.reply, marker);
}

// Parses in place, without splitting (splitting cost a twentieth of a replay).
function deliveryOfBytes(reply: Uint8Array, marker: Uint8Array): Delivery | undefined {
  if (!bytesAt(reply, 0, ackPrefix)) return undefined;
  let at = ackPrefix.length - 1;
  while (at <= reply.length - marker.length && !bytesAt(reply, at, marker)) at++;
  if (at > reply.length - marker.length) return undefined;
  cursor = at + marker.length;
  const delivered = readNumber(reply);
  const streamSeq = readNumber(reply);
  const consumerSeq = readNumber(reply);
  const time = readNumber(reply);
  const pending = readNumber(reply);
  if (delivered < 0 || streamSeq < 0 || consumerSeq < 0 || time < 0 || pending < 0) return undefined;
  return { streamSeq, consumerSeq, pending };
}

function bytesAt(bytes: Uint8Array, at: number, wanted: Uint8Array): boolean {
  if (at + wanted.length > bytes.length) return false;
  for (let index = 0; index < wanted.length; index++) {
    if (bytes[at + index] !== wanted[index]) return false;
  }
  return true;
}

// Where `readNumber` goes on reading: a module variable rather than a returned pair, which would
// be one more object per message.
let cursor = 0;

// The decimal number at `cursor`, ended by a dot or the end of the bytes, and moves past it; -1
// when there is none.
function readNumber(bytes: Uint8Array): number {
  const start = cursor;
  let value = 0;
  for (; cursor < bytes.length; cursor++) {
    const digit = (bytes[cursor] as number) - zero;
    if (digit === dot - zero) break;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  if (cursor === start) return -1;
  cursor++;
  return value;
}
