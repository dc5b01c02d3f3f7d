import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@aether/core';
import { cleanup } from '@aether/nats-harness/test-connection';
import { type JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { JetStreamEventStore } from '../jetstream-event-store.js';
import type { JetStreamEventStoreOptions } from '../options/options.js';

export {
  cleanup,
  testConnection,
  /** A store name no other test file or earlier run uses (letters, digits, `-`). */
  uniqueTestName as uniqueStoreName,
} from '@aether/nats-harness/test-connection';

/** Opens a store on `nc`; after the file's tests it is closed and its stream and bucket deleted. */
export async function testStore(
  nc: NatsConnection,
  options: JetStreamEventStoreOptions = {},
): Promise<JetStreamEventStore> {
  const store = await JetStreamEventStore.open(nc, options);
  cleanup(async () => {
    await store.close();
    await dropStreams(nc, store.stream);
  });
  return store;
}

/** Deletes a store's stream and snapshot bucket (deleting a whole stream is allowed; messages are not). */
export async function dropStreams(nc: NatsConnection, stream: string): Promise<void> {
  if (nc.isClosed()) return;
  const jsm = await jetstreamManager(nc);
  for (const name of [stream, `KV_${stream}-snapshots`])
    await jsm.streams.delete(name).catch(() => undefined);
}

export async function manager(nc: NatsConnection): Promise<JetStreamManager> {
  return jetstreamManager(nc);
}

let counter = 0;

/** A valid event; `overrides` replace any field. */
export function makeEvent(actorId: string, version: number, overrides: Partial<AnyEvent> = {}): AnyEvent {
  return {
    id: `evt-${randomUUID()}-${++counter}`,
    eventType: 'ItemAdded',
    actorId,
    version,
    data: { sku: `sku-${version}`, quantity: version },
    timestamp: new Date(1_700_000_000_000 + version),
    ...overrides,
  };
}
