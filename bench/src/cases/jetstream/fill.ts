import type { Session } from './session.js';
import { createStream, messageCount } from './streams.js';

/** A message to store before timing: its subject, the encoded event and its id. */
export interface FillMessage {
  readonly subject: string;
  readonly payload: Uint8Array;
  /** Sent as `Nats-Msg-Id`, as Aether's store does for every event it saves. */
  readonly id: string;
}

const inFlight = 1000;

/**
 * Makes `stream` hold exactly the `count` messages `messageAt(0..count-1)` describes, in that
 * order, as Aether's store would have written them (with `Nats-Msg-Id`, without expectations, so
 * faster). The first contender of a case fills it (untimed, 1,000 publishes in flight, awaited
 * batch by batch); the others find it full and read the same data.
 */
export async function ensureFilled(
  session: Session,
  stream: string,
  count: number,
  messageAt: (index: number) => FillMessage,
): Promise<void> {
  if ((await messageCount(session.jsm, stream)) === count) return;
  await createStream(session.jsm, stream);
  for (let first = 0; first < count; first += inFlight) {
    const batch: Promise<unknown>[] = [];
    for (let index = first; index < Math.min(count, first + inFlight); index++) {
      const { subject, payload, id } = messageAt(index);
      batch.push(session.js.publish(subject, payload, { msgID: id }));
    }
    await Promise.all(batch);
  }
  const stored = await messageCount(session.jsm, stream);
  if (stored !== count) throw new Error(`stream ${stream} holds ${stored} messages after filling ${count}`);
}
