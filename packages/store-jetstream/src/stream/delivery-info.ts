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

/** What precedes the delivery numbers in the ack subjects of `consumer` on `stream`: see `deliveryOf`. */
export function ackSubjectMarker(stream: string, consumer: string): string {
  return `.${stream}.${consumer}.`;
}

/**
 * Reads the delivery of a message from its reply (ack) subject, which after the stream and the
 * consumer's name (`marker`, from `ackSubjectMarker`) holds `<delivered>.<stream seq>.<consumer seq>.<time>.<pending>` (followed by a
 * random token since server 2.11; preceded by a domain and an account hash since 2.10). Undefined
 * when `reply` is not an ack subject of that consumer. Parses in place, without
 * splitting: this runs once per message of a replay, where splitting cost a twentieth of it.
 */
export function deliveryOf(reply: string, marker: string): Delivery | undefined {
  if (!reply.startsWith('$JS.ACK.')) return undefined;
  const at = reply.indexOf(marker, 7);
  if (at < 0) return undefined;
  cursor = at + marker.length;
  const delivered = readNumber(reply);
  const streamSeq = readNumber(reply);
  const consumerSeq = readNumber(reply);
  const time = readNumber(reply);
  const pending = readNumber(reply);
  if (delivered < 0 || streamSeq < 0 || consumerSeq < 0 || time < 0 || pending < 0) return undefined;
  return { streamSeq, consumerSeq, pending };
}

// Where `readNumber` goes on reading: a module variable rather than a returned pair, which would
// be one more object per message.
let cursor = 0;

// The decimal number at `cursor`, ended by a dot or the end of the text, and moves past it; -1
// when there is none.
function readNumber(text: string): number {
  const start = cursor;
  let value = 0;
  for (; cursor < text.length; cursor++) {
    const digit = text.charCodeAt(cursor) - zero;
    if (digit === dot - zero) break;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  if (cursor === start) return -1;
  cursor++;
  return value;
}
