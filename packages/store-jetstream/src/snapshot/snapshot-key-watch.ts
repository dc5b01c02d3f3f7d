import { DeliverPolicy, type JetStreamManager } from '@nats-io/jetstream';

/** What a key watch reports, as it happens. */
export interface KeyWatchHandlers {
  /** The bucket's `key` now holds a value (`present`), or was deleted or purged. */
  key(key: string, present: boolean): void;
  /** Every key the bucket held when the watch started has been reported: from now on, keys are live. */
  synced(): void;
  /** The watch may have missed changes (its consumer was lost, recreated or stopped): it is over. */
  lost(): void;
  /** Keys the caller can hold: a bucket with more is not watched (`tooMany` instead). */
  readonly limit: number;
  /** The bucket holds more than `limit` keys: the watch did not start. */
  tooMany(): void;
}

/** A running watch; `stop()` ends it and deletes its consumer on the server. */
export interface KeyWatch {
  stop(): Promise<void>;
}

// What the ordered consumer may report without having missed anything.
const harmlessStatus = new Set(['heartbeat', 'flow_control']);

/**
 * Watches the keys of a KV bucket (`stream` is its stream, `KV_<bucket>`; messages come to a
 * subject under `inbox`) with an ordered push
 * consumer that delivers headers only: first each key's last entry, then every change. It is
 * synced once it has delivered as many entries as were pending when the server made the consumer
 * (`num_pending` of the answer): entries come in sequence order, so those are the keys the bucket
 * had by then.
 *
 * Any sign of a gap (nats.js recreating the consumer, missed heartbeats, a deleted consumer, the
 * messages ending) reports `lost` rather than resuming: the caller starts again when it needs to.
 */
export async function watchKeys(
  jsm: JetStreamManager,
  where: { stream: string; bucket: string; inbox: string },
  handlers: KeyWatchHandlers,
): Promise<KeyWatch> {
  const prefix = `$KV.${where.bucket}.`;
  const consumer = await jsm.jetstream().consumers.getPushConsumer(where.stream, {
    filter_subjects: `${prefix}>`,
    deliver_policy: DeliverPolicy.LastPerSubject,
    headers_only: true,
    // Under the connection's inbox prefix, like every reply the store gets (nats.js would use _INBOX).
    deliver_prefix: where.inbox,
  });
  let over = false;
  const end = () => {
    if (over) return;
    over = true;
    handlers.lost();
  };
  let pending = (await consumer.info(true)).num_pending;
  if (pending > handlers.limit) {
    // Not worth reading keys only to give up at the limit.
    await consumer.delete().catch(() => undefined);
    handlers.tooMany();
    return { stop: async () => undefined };
  }
  if (pending === 0) handlers.synced();
  const messages = await consumer.consume({
    callback: (message) => {
      if (over) return;
      const operation = message.headers?.get('KV-Operation');
      handlers.key(message.subject.slice(prefix.length), operation !== 'DEL' && operation !== 'PURGE');
      if (pending > 0 && --pending === 0) handlers.synced();
    },
  });
  void (async () => {
    for await (const status of messages.status()) {
      if (!harmlessStatus.has(status.type)) end();
    }
  })();
  void messages.closed().then(end, end);
  return {
    async stop() {
      over = true;
      messages.stop();
      // Deleted now rather than left to the server's inactivity threshold (five minutes).
      await consumer.delete().catch(() => undefined);
    },
  };
}
