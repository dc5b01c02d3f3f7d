import { errors } from '@nats-io/nats-core';
import type { StoreStream } from './store-stream.js';

/** Whether a message belongs to its actor's history (see `belongsAfter`), asked of the server. */
export type Lineage = 'belongs' | 'lost';

/** Pauses between asking again while the answering leader has not applied the message yet. */
const recheckDelaysMs = [5, 10, 20, 40, 80, 160, 320];

/**
 * Decides, for the message at `seq` on `subject` that follows `follows`, whether another message
 * is stored on the subject between the two: one get of the first message on the subject after
 * `follows` (`$JS.API.STREAM.MSG.GET`, which only the stream leader answers, on the replicated
 * streams this is asked on), and no request at all when
 * nothing can sit between them. The leader has applied every message up to an acknowledged one,
 * except right after a leader change, when the new leader may still be applying: an answer that
 * does not reach `seq` yet is asked again, and after the store's timeout the call fails with a nats.js
 * `TimeoutError` (the save may or may not be part of the history; retrying it is safe).
 */
export async function checkFollows(
  stream: StoreStream,
  subject: string,
  follows: number,
  seq: number,
): Promise<Lineage> {
  if (follows + 1 === seq) return 'belongs';
  const deadline = performance.now() + stream.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const first = await stream.nextMessage(subject, follows + 1);
    if (first !== null && first.seq <= seq) return first.seq === seq ? 'belongs' : 'lost';
    const delay = recheckDelaysMs[Math.min(attempt, recheckDelaysMs.length - 1)] as number;
    if (performance.now() + delay > deadline) throw new errors.TimeoutError();
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
