import { ValidationError } from '@aether/core';

// The headers every append sends: the status line, Nats-Msg-Id (with the longest suffix
// `messageIdFor` adds), the expected sequence and Aether-Follows with the most digits a sequence
// can have, and the blank line that ends them.
const longestSequence = '18446744073709551615';
const fixedHeaderBytes = (
  `NATS/1.0\r\nNats-Msg-Id: \t${longestSequence}\r\n` +
  `Nats-Expected-Last-Subject-Sequence: ${longestSequence}\r\nAether-Follows: ${longestSequence}\r\n\r\n`
).length;

/**
 * Checks that an encoded message (one event, or the events saved together) plus its headers fits
 * the server's `max_payload`: a bigger one is a `ValidationError` before anything is sent, not a
 * protocol error that drops the connection. `messageId` is the first event's id.
 */
export function checkEventSize(
  messageId: string,
  payload: Uint8Array,
  maxPayload: number,
  field = 'event',
): void {
  const headerBytes = fixedHeaderBytes + Buffer.byteLength(messageId, 'utf8');
  const total = payload.length + headerBytes;
  if (total > maxPayload) {
    throw new ValidationError(
      field,
      `encodes to ${total} bytes (${payload.length} of JSON and ${headerBytes} of headers), more than the server's ` +
        `max_payload of ${maxPayload} bytes; keep large data elsewhere and store a reference to it`,
    );
  }
}
