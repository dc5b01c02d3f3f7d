import { loadState } from '@aether/core';
import { type NatsServer, startNatsServer } from '@aether/nats-harness';
import { natsUrl } from '@aether/nats-harness/vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JetStreamEventStore } from './jetstream-event-store.js';
import type { JetStreamEventStoreOptions } from './options/options.js';
import { cleanup, dropStreams, makeEvent, uniqueStoreName } from './test-support/nats.js';

const waitLong = { timeout: 20_000, interval: 50 };
const count = (state: { count: number }) => ({ count: state.count + 1 });
const none = { count: 0 };

/** A store on a connection of its own, so that the requests it sends can be counted. */
async function openStore(
  servers: string,
  options: JetStreamEventStoreOptions,
): Promise<{ store: JetStreamEventStore; nc: NatsConnection }> {
  const nc = await connect({ servers, reconnectTimeWait: 50, reconnectJitter: 0, maxReconnectAttempts: -1 });
  const store = await JetStreamEventStore.open(nc, options);
  cleanup(async () => {
    await store.close();
    await nc.close();
  });
  return { store, nc };
}

/** Whether looking up `actorId`'s snapshot sent anything to the server; the actor has none. */
async function asksServer(store: JetStreamEventStore, nc: NatsConnection, actorId: string): Promise<boolean> {
  const before = nc.stats().outMsgs;
  expect(await store.getLatestSnapshot(actorId)).toBeUndefined();
  return nc.stats().outMsgs !== before;
}

/** Waits until `store` answers a lookup of an actor without a snapshot by itself (its key watch has synced). */
async function untilAnsweredLocally(store: JetStreamEventStore, nc: NatsConnection): Promise<void> {
  const actorId = `never-${crypto.randomUUID()}`;
  await vi.waitFor(async () => expect(await asksServer(store, nc, actorId)).toBe(false), waitLong);
}

async function watchConsumers(nc: NatsConnection, store: JetStreamEventStore): Promise<number> {
  const jsm = await jetstreamManager(nc);
  return (await jsm.consumers.list(`KV_${store.config.snapshotBucket}`).next()).length;
}

async function saveHistory(store: JetStreamEventStore, actorId: string, length: number): Promise<void> {
  await store.saveEvents(Array.from({ length }, (_, index) => makeEvent(actorId, index + 1)));
}

describe('looking up an actor without a snapshot', () => {
  const storeName = uniqueStoreName('snapshot-index');
  let reader: { store: JetStreamEventStore; nc: NatsConnection };
  let writer: { store: JetStreamEventStore; nc: NatsConnection };
  beforeAll(async () => {
    reader = await openStore(natsUrl(), { storeName });
    writer = await openStore(natsUrl(), { storeName });
    cleanup(() => dropStreams(writer.nc, writer.store.stream));
  });

  it('costs no request once the store has watched the snapshot keys, with one consumer per store', async () => {
    await untilAnsweredLocally(reader.store, reader.nc);
    expect(await watchConsumers(writer.nc, reader.store)).toBe(1);
  });

  it('sees a snapshot another store saved, and loads the same state before and after it does', async () => {
    await untilAnsweredLocally(reader.store, reader.nc);
    const actorId = `elsewhere-${crypto.randomUUID()}`;
    await saveHistory(writer.store, actorId, 5);
    await writer.store.saveSnapshot({ actorId, version: 5, state: { count: 5 }, timestamp: new Date(5) });
    // Right away the reader may not know of the snapshot yet: it then replays every event, to the same state.
    const loaded = await loadState(reader.store, actorId, count, none);
    expect(loaded).toMatchObject({ state: { count: 5 }, version: 5 });
    await vi.waitFor(
      async () => expect((await reader.store.getLatestSnapshot(actorId))?.version).toBe(5),
      waitLong,
    );
    expect(await loadState(reader.store, actorId, count, none)).toMatchObject({
      state: { count: 5 },
      version: 5,
      snapshotVersion: 5,
    });
  });

  it('sees its own snapshot as soon as it is saved', async () => {
    await untilAnsweredLocally(reader.store, reader.nc);
    const actorId = `own-${crypto.randomUUID()}`;
    await saveHistory(reader.store, actorId, 2);
    await reader.store.saveSnapshot({ actorId, version: 2, state: { count: 2 }, timestamp: new Date(2) });
    expect((await reader.store.getLatestSnapshot(actorId))?.version).toBe(2);
  });

  it('knows every snapshot the bucket held when its watch started', async () => {
    const actorIds = [1, 2, 3].map((n) => `before-${n}-${crypto.randomUUID()}`);
    for (const actorId of actorIds) {
      await saveHistory(writer.store, actorId, 2);
      await writer.store.saveSnapshot({ actorId, version: 2, state: { count: 2 }, timestamp: new Date(2) });
    }
    const fresh = await openStore(natsUrl(), { storeName });
    await untilAnsweredLocally(fresh.store, fresh.nc);
    for (const actorId of actorIds) expect((await fresh.store.getLatestSnapshot(actorId))?.version).toBe(2);
    await fresh.store.close();
  });

  it('asks the server once it knows more snapshot keys than snapshotIndexSize, and drops its consumer', async () => {
    // A bucket of its own: the watch starts on an empty one and sees the keys arrive.
    const ownName = uniqueStoreName('snapshot-index-bound');
    const small = await openStore(natsUrl(), { storeName: ownName, snapshotIndexSize: 2 });
    const saver = await openStore(natsUrl(), { storeName: ownName });
    cleanup(() => dropStreams(writer.nc, saver.store.stream));
    await untilAnsweredLocally(small.store, small.nc);
    expect(await watchConsumers(writer.nc, small.store)).toBe(1);
    const actorIds = [1, 2, 3].map((n) => `bound-${n}-${crypto.randomUUID()}`);
    for (const actorId of actorIds) {
      await saveHistory(saver.store, actorId, 1);
      await saver.store.saveSnapshot({ actorId, version: 1, state: { count: 1 }, timestamp: new Date(1) });
    }
    await vi.waitFor(async () => expect(await watchConsumers(writer.nc, small.store)).toBe(0), waitLong);
    expect(await asksServer(small.store, small.nc, `unknown-${crypto.randomUUID()}`)).toBe(true);
    for (const actorId of actorIds) expect((await small.store.getLatestSnapshot(actorId))?.version).toBe(1);
  });

  it('never watches with snapshotIndexSize: 0', async () => {
    const off = await openStore(natsUrl(), { storeName, snapshotIndexSize: 0 });
    const actorId = `off-${crypto.randomUUID()}`;
    expect(await asksServer(off.store, off.nc, actorId)).toBe(true);
    expect(await asksServer(off.store, off.nc, actorId)).toBe(true);
    expect(await watchConsumers(writer.nc, off.store)).toBe(1);
  });

  it('deletes its consumer on close()', async () => {
    const closing = await openStore(natsUrl(), { storeName });
    await untilAnsweredLocally(closing.store, closing.nc);
    expect(await watchConsumers(writer.nc, closing.store)).toBe(2);
    await closing.store.close();
    expect(await watchConsumers(writer.nc, closing.store)).toBe(1);
  });
});

describe('a store watching snapshot keys across a server restart', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer();
  });
  afterAll(() => server.destroy());

  it('asks the server until it watches again, then sees snapshots saved during and after the restart', async () => {
    const storeName = uniqueStoreName('snapshot-index-restart');
    const reader = await openStore(server.url, { storeName });
    await untilAnsweredLocally(reader.store, reader.nc);
    await server.restart(); // same port, same store directory, a new process
    const writer = await openStore(server.url, { storeName });
    const actorId = `after-restart-${crypto.randomUUID()}`;
    await saveHistory(writer.store, actorId, 3);
    await writer.store.saveSnapshot({ actorId, version: 3, state: { count: 3 }, timestamp: new Date(3) });
    await vi.waitFor(
      async () => expect((await reader.store.getLatestSnapshot(actorId))?.version).toBe(3),
      waitLong,
    );
    await untilAnsweredLocally(reader.store, reader.nc);
    const later = `later-${crypto.randomUUID()}`;
    await saveHistory(writer.store, later, 2);
    await writer.store.saveSnapshot({
      actorId: later,
      version: 2,
      state: { count: 2 },
      timestamp: new Date(2),
    });
    await vi.waitFor(
      async () => expect((await reader.store.getLatestSnapshot(later))?.version).toBe(2),
      waitLong,
    );
    expect(await loadState(reader.store, actorId, count, none)).toMatchObject({
      state: { count: 3 },
      snapshotVersion: 3,
    });
    await vi.waitFor(async () => expect(await watchConsumers(writer.nc, reader.store)).toBe(1), waitLong);
  });
});
