import { isRetryable } from '@aether/core';
import { connectionNames, type NatsServer, startNatsServer, testTls } from '@aether/nats-harness';
import { natsUrl } from '@aether/nats-harness/vitest';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JetStreamEventStore } from './jetstream-event-store.js';
import { actorToken, SUBJECT_ROOT } from './subjects/subject-layout.js';
import { cleanup, dropStreams, makeEvent, testConnection, uniqueStoreName } from './test-support/nats.js';

const nc = await testConnection();

describe('a store made by connect()', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer({
      monitor: true,
      extraConfig: 'authorization { user: "aether", password: "s3cret" }',
    });
  });
  afterAll(() => server.destroy());

  it('passes auth options through to nats.js, owns the connection and closes it', async () => {
    const storeName = uniqueStoreName('owned');
    const store = await JetStreamEventStore.connect({
      servers: server.url,
      connection: { user: 'aether', pass: 's3cret', name: 'owned-store' },
      storeName,
    });
    const actorId = `owned-${crypto.randomUUID()}`;
    await store.saveEvent(makeEvent(actorId, 1));
    expect(await store.getLatestVersion(actorId)).toBe(1);
    expect(await connectionNames(server)).toContain('owned-store');
    await store.close();
    // The server drops a closed client from /connz a moment after the socket closes.
    await vi.waitFor(async () => expect(await connectionNames(server)).not.toContain('owned-store'), {
      timeout: 5000,
    });
    await expect(store.getLatestVersion(actorId)).rejects.toMatchObject({ code: 'STORE_CLOSED' });
  });

  it('fails to connect without the credentials, leaving no connection behind', async () => {
    await expect(
      JetStreamEventStore.connect({ servers: server.url, connection: { name: 'anonymous' } }),
    ).rejects.toThrow();
    expect(await connectionNames(server)).not.toContain('anonymous');
  });
});

describe('a server that requires TLS', () => {
  const tls = testTls();
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer({ extraConfig: tls.serverConfig });
  });
  afterAll(() => server.destroy());

  it('connects with the CA passed in the connection options, then saves and reads', async () => {
    const store = await JetStreamEventStore.connect({
      servers: server.url,
      connection: { tls: { caFile: tls.caFile } },
      storeName: uniqueStoreName('tls'),
    });
    try {
      const actorId = `tls-${crypto.randomUUID()}`;
      await store.saveEvent(makeEvent(actorId, 1));
      expect((await store.getEvents(actorId)).map((event) => event.version)).toEqual([1]);
    } finally {
      await store.close();
    }
  });

  it('refuses to connect when it cannot verify the server', async () => {
    await expect(
      JetStreamEventStore.connect({ servers: server.url, connection: { tls: {}, reconnect: false } }),
    ).rejects.toThrow(/certificate/i);
  });
});

describe('a server whose permissions refuse an actor subject', () => {
  const storeName = uniqueStoreName('refused');
  const refusedActor = 'refused-actor';
  const subject = `${SUBJECT_ROOT}.${storeName}.${actorToken(refusedActor)}`;
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer({
      extraConfig: `authorization { users = [ { user: "limited", password: "pw", permissions: { publish: { deny: [${JSON.stringify(subject)}] } } } ] }`,
    });
  });
  afterAll(() => server.destroy());

  it('fails the save with the permission error at once, not as a retryable timeout', async () => {
    const store = await JetStreamEventStore.connect({
      servers: server.url,
      connection: { user: 'limited', pass: 'pw' },
      storeName,
      timeout: 20_000,
    });
    try {
      await store.saveEvent(makeEvent('allowed-actor', 1));
      const started = performance.now();
      const error = await store.saveEvent(makeEvent(refusedActor, 1)).catch((err: unknown) => err);
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(error).toMatchObject({ code: 'PERMISSION_DENIED', permission: 'publish', subject });
      expect((error as Error).cause).toMatchObject({
        name: 'PermissionViolationError',
        operation: 'publish',
      });
      expect(isRetryable(error)).toBe(false);
      expect(await store.getLatestVersion(refusedActor)).toBe(0);
    } finally {
      await store.close();
    }
  });
});

describe('a store on a caller connection', () => {
  it('waits for saves in flight when closing, and leaves the connection open', async () => {
    const storeName = uniqueStoreName('closing');
    const store = await JetStreamEventStore.open(nc, { storeName });
    cleanup(() => dropStreams(nc, storeName));
    const actorId = `closing-${crypto.randomUUID()}`;
    const saves = Array.from({ length: 40 }, (_, index) => store.saveEvent(makeEvent(actorId, index + 1)));
    await store.close();
    const results = await Promise.allSettled(saves);
    expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
    expect(nc.isClosed()).toBe(false);
    await expect(store.saveEvent(makeEvent(actorId, 41))).rejects.toMatchObject({ code: 'STORE_CLOSED' });
    const reader = await JetStreamEventStore.open(nc, { storeName });
    expect(await reader.getLatestVersion(actorId)).toBe(40);
    await reader.close();
  });

  it('reports CONNECTION_CLOSED once the caller has closed the connection', async () => {
    const own = await connect({ servers: natsUrl() });
    const storeName = uniqueStoreName('conn-closed');
    const store = await JetStreamEventStore.open(own, { storeName });
    cleanup(() => dropStreams(nc, storeName));
    await own.close();
    await expect(store.getLatestVersion('anyone')).rejects.toMatchObject({
      code: 'CONNECTION_CLOSED',
      retryable: false,
    });
    await expect(store.saveEvent(makeEvent('anyone', 1))).rejects.toMatchObject({
      code: 'CONNECTION_CLOSED',
    });
  });
});

describe('a server that stops answering', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer();
  });
  afterAll(() => server.destroy());

  it('times out a save with a retryable error, and retrying the same event stores it once', async () => {
    const store = await JetStreamEventStore.connect({
      servers: server.url,
      storeName: uniqueStoreName('paused'),
      timeout: 500,
    });
    try {
      const actorId = `paused-${crypto.randomUUID()}`;
      await store.saveEvent(makeEvent(actorId, 1));
      const event = makeEvent(actorId, 2);
      await server.pause();
      let error: unknown;
      try {
        error = await store.saveEvent(event).catch((err: unknown) => err);
      } finally {
        await server.resume();
      }
      expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
      expect(isRetryable(error)).toBe(true);
      expect((error as Error).message).toContain('may or may not have been stored');
      await store.saveEvent(event);
      expect((await store.getEvents(actorId)).map((stored) => stored.id)).toEqual([
        expect.any(String),
        event.id,
      ]);
      expect(await store.getLatestVersion(actorId)).toBe(2);
    } finally {
      await store.close();
    }
  });
});
