import { classifyNatsError } from '@aether/nats-support';
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
 * deleted (`deleteConsumer`); should that fail, the server drops it after a minute of inactivity.
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
  } catch (err) {
    options.cleanup(jsm.consumers.delete(stream, name).catch(() => undefined));
    throw err;
  }
  await deleteConsumer(jsm, stream, name, options.cleanup);
}

// The API clients whose consumer deletions the server is known to allow.
const deletionAllowed = new WeakSet<JetStreamManager>();

/**
 * Deletes a read's consumer in the background. Until one deletion has succeeded, a read waits for
 * its own: a server whose permissions refuse it (no `$JS.API.CONSUMER.DELETE`) would otherwise leave
 * every read's consumer behind for a minute, unnoticed, while the reads all succeed; this way the
 * read fails with the refusal (`PERMISSION_DENIED`). Any other failure is ignored: the server drops
 * the consumer after its inactive threshold.
 */
async function deleteConsumer(
  jsm: JetStreamManager,
  stream: string,
  name: string,
  cleanup: (deletion: Promise<unknown>) => void,
): Promise<void> {
  const deletion = jsm.consumers.delete(stream, name);
  if (deletionAllowed.has(jsm)) {
    cleanup(deletion.catch(() => undefined));
    return;
  }
  try {
    await deletion;
    deletionAllowed.add(jsm);
  } catch (err) {
    if (classifyNatsError(err).kind === 'permission') throw err;
  }
}
