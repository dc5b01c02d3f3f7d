import type { Consumer, JetStreamClient } from '@nats-io/jetstream';
import { JetStreamStoreError } from '../errors/store-error.js';

export interface RawMessage {
  seq: number;
  data: Uint8Array;
}

export interface ReadRangeOptions {
  stream: string;
  subject: string;
  /** First stream sequence to read. */
  startSeq: number;
  /** Last stream sequence to read: the subject's last message, from a direct get. */
  endSeq: number;
  /** Fail when no message arrives for this long. */
  idleTimeoutMs: number;
  /**
   * Whether a pending count of 0 before `endSeq` ends the read (`endSeq` expired meanwhile). True
   * only for a stream with one replica: with replicas the consumer may run on a follower that has
   * not applied `endSeq` yet, and reports 0 pending until it has.
   */
  trustPending: boolean;
  /** Receives the deletion of the consumer, which runs in the background; `close()` awaits it. */
  cleanup: (deletion: Promise<unknown>) => void;
}

const maxBatch = 1000;

/**
 * Reads the messages of one subject from `startSeq` to `endSeq` with an ordered consumer filtered
 * to the subject. It stops at `endSeq` (the last sequence known from a consistent get), never at a
 * pending count of 0 that new appends could change; pending only ends the read early when
 * `endSeq` itself has gone (expired by max_age), and only on a single-replica stream (see
 * `trustPending`). The consumer is always stopped and deleted.
 */
export async function readRange(js: JetStreamClient, options: ReadRangeOptions): Promise<RawMessage[]> {
  const { stream, subject, startSeq, endSeq } = options;
  if (startSeq > endSeq) return [];
  const consumer = await js.consumers.get(stream, {
    filter_subjects: subject,
    opt_start_seq: startSeq,
    inactive_threshold: 60_000,
  });
  try {
    return await consume(consumer, options);
  } finally {
    options.cleanup(consumer.delete().catch(() => undefined));
  }
}

async function consume(consumer: Consumer, options: ReadRangeOptions): Promise<RawMessage[]> {
  const { endSeq, idleTimeoutMs } = options;
  const messages = await consumer.consume({
    max_messages: Math.min(maxBatch, endSeq - options.startSeq + 1),
  });
  const out: RawMessage[] = [];
  let timedOut = false;
  let complete = false;
  // One timer for the whole read rather than one per message (re-arming a timer per message cost
  // about a tenth of a 10,000-event read): a message only notes the time, and the timer, when it
  // fires before the read has been idle for long enough, waits again for the rest.
  let lastMessageAt = performance.now();
  const watch = (delay: number): NodeJS.Timeout =>
    setTimeout(() => {
      const idleMs = performance.now() - lastMessageAt;
      if (idleMs < idleTimeoutMs) {
        timer = watch(idleTimeoutMs - idleMs);
        return;
      }
      timedOut = true;
      void messages.close();
    }, delay);
  let timer = watch(idleTimeoutMs);
  try {
    for await (const message of messages) {
      lastMessageAt = performance.now();
      const seq = message.seq;
      if (seq > endSeq) {
        complete = true;
        break;
      }
      out.push({ seq, data: message.data });
      if (seq === endSeq || (options.trustPending && message.info.pending === 0)) {
        complete = true;
        break;
      }
    }
  } finally {
    clearTimeout(timer);
    await messages.close();
  }
  if (!complete) {
    const progress = `up to sequence ${out.at(-1)?.seq ?? options.startSeq - 1} of ${endSeq}`;
    throw timedOut
      ? new JetStreamStoreError(
          'TIMEOUT',
          `reading subject ${options.subject} timed out after ${idleTimeoutMs} ms without a message (${progress}); retrying is safe`,
        )
      : new JetStreamStoreError(
          'DISCONNECTED',
          `reading subject ${options.subject} stopped early (${progress}): the connection was lost or closed; retrying is safe`,
        );
  }
  return out;
}
