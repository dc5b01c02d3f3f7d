import { type NatsServer, startNatsServer } from '@aether/nats-harness';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { JetStreamEventStore } from './jetstream-event-store.js';
import {
  cleanup,
  dropStreams,
  makeEvent,
  manager,
  testConnection,
  testStore,
  uniqueStoreName,
} from './test-support/nats.js';

const nc = await testConnection();

describe('an existing stream', () => {
  it('with a conflicting config is reported, naming every difference, and left unchanged', async () => {
    const storeName = uniqueStoreName('conflict');
    const jsm = await manager(nc);
    cleanup(() => dropStreams(nc, storeName));
    await jsm.streams.add({
      name: storeName,
      subjects: [`aether-store.${storeName}.*`, `elsewhere.${storeName}`],
      max_age: 30 * 24 * 3600 * 1e9,
      deny_delete: false,
      deny_purge: true,
      allow_direct: true,
      num_replicas: 1,
      max_msgs_per_subject: 10,
    });
    const error = await JetStreamEventStore.open(nc, { storeName }).catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'STREAM_CONFIG_CONFLICT', retryable: false });
    const message = (error as Error).message;
    for (const difference of [
      'subjects',
      'max_age is 30d (the store needs 365d)',
      'deny_delete is false',
      'max_msgs_per_subject is 10',
    ]) {
      expect(message).toContain(difference);
    }
    expect(message).not.toContain('deny_purge');
    const after = await jsm.streams.info(storeName);
    expect(after.config.deny_delete).toBe(false);
    expect(after.config.max_age).toBe(30 * 24 * 3600 * 1e9);
  });

  it('with the same config is used as it is, by any number of stores', async () => {
    const storeName = uniqueStoreName('same');
    const first = await testStore(nc, { storeName, maxAge: 'forever' });
    const second = await testStore(nc, { storeName, maxAge: 0 });
    const actorId = `shared-${crypto.randomUUID()}`;
    await first.saveEvent(makeEvent(actorId, 1));
    expect(await second.getLatestVersion(actorId)).toBe(1);
    expect((await (await manager(nc)).streams.info(first.stream)).config.max_age).toBe(0);
    const other = await JetStreamEventStore.open(nc, { storeName, replicas: 1 }).catch((err: unknown) => err);
    expect(other).toMatchObject({ code: 'STREAM_CONFIG_CONFLICT' });
    expect((other as Error).message).toContain('max_age is forever (the store needs 365d)');
  });

  it('of another application on the same subjects is reported', async () => {
    const storeName = uniqueStoreName('overlap');
    const foreign = `${storeName}-foreign`;
    const jsm = await manager(nc);
    cleanup(() => dropStreams(nc, foreign));
    await jsm.streams.add({ name: foreign, subjects: [`aether-store.${storeName}.>`] });
    const error = await JetStreamEventStore.open(nc, { storeName }).catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'STREAM_CONFIG_CONFLICT' });
    expect((error as Error).message).toContain(`aether-store.${storeName}.*`);
  });
});

describe('a stream deleted under an open store', () => {
  it('makes saves fail with a retryable STREAM_UNAVAILABLE, not a hang', async () => {
    const store = await testStore(nc, { storeName: uniqueStoreName('deleted'), timeout: 500 });
    await (await manager(nc)).streams.delete(store.stream);
    const error = await store
      .saveEvent(makeEvent(`orphan-${crypto.randomUUID()}`, 1))
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'STREAM_UNAVAILABLE', retryable: true });
    // A direct get on a missing stream gets no answer at all: it times out (retryable).
    const read = await store.getLatestVersion('orphan').catch((err: unknown) => err);
    expect(read).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });
});

describe('a server without JetStream', () => {
  let server: NatsServer;
  afterAll(() => server?.destroy());

  it('is reported as JETSTREAM_NOT_ENABLED', async () => {
    server = await startNatsServer({ jetstream: false });
    const plain = await connect({ servers: server.url });
    try {
      const error = await JetStreamEventStore.open(plain).catch((err: unknown) => err);
      expect(error).toMatchObject({ code: 'JETSTREAM_NOT_ENABLED', retryable: false });
      expect((error as Error).message).toContain('-js');
    } finally {
      await plain.close();
    }
  });
});

describe('a server that is not part of a cluster', () => {
  let server: NatsServer;
  afterAll(() => server?.destroy());

  it('refuses a store with replicas, before anything is created', async () => {
    server = await startNatsServer();
    const alone = await connect({ servers: server.url });
    try {
      const error = await JetStreamEventStore.open(alone, { replicas: 3 }).catch((err: unknown) => err);
      expect(error).toMatchObject({ code: 'UNSUPPORTED_SERVER', retryable: false });
      expect((error as Error).message).toContain('replicas: 3 needs a JetStream cluster');
      expect(await (await manager(alone)).streams.names().next()).toEqual([]);
    } finally {
      await alone.close();
    }
  });
});

describe('options', () => {
  it('are checked before anything is sent', async () => {
    await expect(JetStreamEventStore.open(nc, { storeName: 'a.b' })).rejects.toMatchObject({
      field: 'storeName',
    });
    await expect(JetStreamEventStore.open(nc, { maxAge: 10 })).rejects.toMatchObject({ field: 'maxAge' });
    await expect(
      JetStreamEventStore.open(nc, { maxAge: 60_000, duplicateWindow: 120_000 }),
    ).rejects.toMatchObject({
      field: 'duplicateWindow',
    });
  });
});
