import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';

/** Messages per pull request of the raw read: a batch an application reading a subject would use. */
export const readBatch = 1000;

/**
 * Raw nats.js reading one subject (or, `subject` undefined, the whole stream) from the start: an
 * ordered consumer filtered to the subject (`js.consumers.get(stream, { filter_subjects })`), `consume({ max_messages: 1000 })`, keeping
 * `keep(message)` of each message (its bytes by default) until the one the server reports nothing
 * pending after. Returns what it kept and the consumer's deletion, for the caller to await
 * outside its clock.
 */
export async function readSubject(
  js: JetStreamClient,
  stream: string,
  subject: string | undefined,
  keep: (message: JsMsg) => unknown = (message) => message.data,
): Promise<{ messages: unknown[]; cleanup: Promise<unknown> }> {
  const consumer = await js.consumers.get(stream, subject === undefined ? {} : { filter_subjects: subject });
  const messages: unknown[] = [];
  const iterator = await consumer.consume({ max_messages: readBatch });
  try {
    for await (const message of iterator) {
      messages.push(keep(message));
      if (message.info.pending === 0) break;
    }
  } finally {
    await iterator.close();
  }
  return { messages, cleanup: consumer.delete().catch(() => undefined) };
}
