import { AckPolicy, DeliverPolicy, type JetStreamManager } from '@nats-io/jetstream';
import { type NatsConnection, nanos, nuid } from '@nats-io/nats-core';
import { type MessageSink, type PullRangeOptions, pullRange } from './pull-range.js';

export interface ReadRangeOptions extends PullRangeOptions {
  stream: string;
  /** Receives the deletion of the consumer, which runs in the background; `close()` awaits it. */
  cleanup: (deletion: Promise<unknown>) => void;
}

/**
 * Reads the messages of one subject from `startSeq` to `endSeq` into `sink`, with a consumer of its own: an
 * ephemeral pull consumer filtered to the subject, starting at `startSeq`, without acks and in
 * memory (what nats.js's ordered consumer creates), read by `pullRange`. It stops at `endSeq`
 * (the last sequence known from a consistent get), never at a pending count of 0 that new appends
 * could change; pending only ends the read early when `endSeq` itself has gone (expired by
 * max_age), and only on a single-replica stream (see `trustPending`). The consumer is always
 * deleted; should that fail, the server drops it after a minute of inactivity.
 */
export async function readRange(
  transport: { nc: NatsConnection; jsm: JetStreamManager },
  options: ReadRangeOptions,
  sink: MessageSink,
): Promise<void> {
  const { stream, subject, startSeq, endSeq } = options;
  if (startSeq > endSeq) return;
  const name = `aether_read_${nuid.next()}`;
  const { jsm } = transport;
  await jsm.consumers.add(stream, {
    name,
    filter_subject: subject,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: startSeq,
    ack_policy: AckPolicy.None,
    mem_storage: true,
    num_replicas: 1,
    inactive_threshold: nanos(60_000),
  });
  try {
    await pullRange(transport.nc, { stream, name }, options, sink);
  } finally {
    options.cleanup(jsm.consumers.delete(stream, name).catch(() => undefined));
  }
}
