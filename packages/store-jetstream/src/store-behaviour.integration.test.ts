import { isVersionConflict, VersionConflictError } from '@aether/core';
import { encodeSubjectToken } from '@aether/core/adapter';
import { natsUrl } from '@aether/nats-harness/vitest';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { JetStreamEventStore } from './jetstream-event-store.js';
import {
  cleanup,
  makeEvent,
  manager,
  testConnection,
  testStore,
  uniqueStoreName,
} from './test-support/nats.js';

const nc = await testConnection();
const storeName = uniqueStoreName('behaviour');
const store = await testStore(nc, { storeName });

/** A second process: its own connection and store on the same stream. */
async function otherProcess(): Promise<JetStreamEventStore> {
  const other = await connect({ servers: natsUrl() });
  const otherStore = await JetStreamEventStore.open(other, { storeName });
  cleanup(async () => {
    await otherStore.close();
    await other.close();
  });
  return otherStore;
}

describe('layout', () => {
  it('creates one immutable, direct-get stream with one subject per actor, retention one year', async () => {
    const info = await (await manager(nc)).streams.info(store.stream);
    expect(info.config).toMatchObject({
      name: storeName,
      subjects: [`aether-store.${storeName}.*`],
      deny_delete: true,
      deny_purge: true,
      allow_direct: true,
      allow_rollup_hdrs: false,
      retention: 'limits',
      storage: 'file',
      num_replicas: 1,
      max_age: 365 * 24 * 3600 * 1e9,
      duplicate_window: 120 * 1e9,
    });
  });

  it("stores an actor's events on the subject of its encoded id", async () => {
    const actorId = `order.${crypto.randomUUID()} *>`;
    await store.saveEvent(makeEvent(actorId, 1));
    const subject = `aether-store.${storeName}.${encodeSubjectToken(actorId)}`;
    expect(store.subjectFor(actorId)).toBe(subject);
    const last = await (await manager(nc)).direct.getMessage(storeName, { last_by_subj: subject });
    expect(last?.subject).toBe(subject);
  });

  it('gives every namespace its own stream, so namespaces never see each other', async () => {
    const eu = await testStore(nc, { storeName, namespace: 'orders.eu' });
    const us = await testStore(nc, { storeName, namespace: 'orders_eu' });
    expect(new Set([store.stream, eu.stream, us.stream]).size).toBe(3);
    const actorId = `shared-${crypto.randomUUID()}`;
    await eu.saveEvent(makeEvent(actorId, 1));
    expect(await eu.getLatestVersion(actorId)).toBe(1);
    expect(await us.getLatestVersion(actorId)).toBe(0);
    expect(await store.getEvents(actorId)).toEqual([]);
  });
});

describe('writers in two processes', () => {
  it('gives the stale writer a VersionConflictError with the real current version', async () => {
    const other = await otherProcess();
    const actorId = `account-${crypto.randomUUID()}`;
    await store.saveEvent(makeEvent(actorId, 1));
    expect(await other.getLatestVersion(actorId)).toBe(1); // other now caches version 1
    await store.saveEvent(makeEvent(actorId, 2));
    await store.saveEvent(makeEvent(actorId, 3));
    const error = await other.saveEvent(makeEvent(actorId, 2)).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ actorId, attemptedVersion: 2, currentVersion: 3 });
  });

  it('retries on the fresh sequence when its cached head is stale but its version is still new', async () => {
    const other = await otherProcess();
    const actorId = `account-${crypto.randomUUID()}`;
    await store.saveEvent(makeEvent(actorId, 1));
    expect(await other.getLatestVersion(actorId)).toBe(1);
    await store.saveEvent(makeEvent(actorId, 2)); // other's cache still says (1, seq)
    await other.saveEvent(makeEvent(actorId, 5)); // refused by the server (10071), re-read, retried
    expect((await store.getEvents(actorId)).map((event) => event.version)).toEqual([1, 2, 5]);
    expect(await other.getLatestVersion(actorId)).toBe(5);
  });

  it('lets exactly one of two processes win a race for the same version', async () => {
    const other = await otherProcess();
    const actorId = `race-${crypto.randomUUID()}`;
    const results = await Promise.allSettled(
      [store, other].map((writer) => writer.saveEvent(makeEvent(actorId, 1))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((result) => result.status === 'rejected');
    expect(isVersionConflict(loser?.reason)).toBe(true);
    expect(await store.getEvents(actorId)).toHaveLength(1);
  });

  it('reads the events another process appended after this one cached the actor', async () => {
    const other = await otherProcess();
    const actorId = `reader-${crypto.randomUUID()}`;
    await store.saveEvent(makeEvent(actorId, 1));
    expect(await other.getEvents(actorId)).toHaveLength(1);
    await store.saveEvent(makeEvent(actorId, 2));
    await store.saveEvent(makeEvent(actorId, 3));
    expect((await other.getEvents(actorId)).map((event) => event.version)).toEqual([1, 2, 3]);
    expect((await other.getEvents(actorId, 3)).map((event) => event.version)).toEqual([3]);
  });
});

describe('one process', () => {
  it('keeps the order of saves to one actor and pipelines saves to many', async () => {
    const actorId = `queue-${crypto.randomUUID()}`;
    const own = Array.from({ length: 50 }, (_, index) => store.saveEvent(makeEvent(actorId, index + 1)));
    const others = Array.from({ length: 50 }, (_, index) =>
      store.saveEvent(makeEvent(`${actorId}-${index}`, 1)),
    );
    await Promise.all([...own, ...others]);
    expect((await store.getEvents(actorId)).map((event) => event.version)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
  });

  it('loads an unchanged actor again with a single request to the server', async () => {
    const counted = await connect({ servers: natsUrl() });
    const reader = await JetStreamEventStore.open(counted, { storeName });
    try {
      const actorId = `cached-${crypto.randomUUID()}`;
      await store.saveEvent(makeEvent(actorId, 1));
      await store.saveEvent(makeEvent(actorId, 2));
      const first = await reader.getEvents(actorId);
      const before = counted.stats().outMsgs;
      const second = await reader.getEvents(actorId);
      expect(counted.stats().outMsgs - before).toBe(1);
      expect(second).toEqual(first);
      second[0]?.timestamp.setFullYear(1999); // a caller's change never reaches the cache
      expect((await reader.getEvents(actorId))[0]?.timestamp.getFullYear()).not.toBe(1999);
    } finally {
      await reader.close();
      await counted.close();
    }
  });

  it('reads the events another process saved after it cached the actor with few requests, no consumer', async () => {
    const counted = await connect({ servers: natsUrl() });
    const reader = await JetStreamEventStore.open(counted, { storeName });
    try {
      const actorId = `tail-${crypto.randomUUID()}`;
      await store.saveEvent(makeEvent(actorId, 1));
      await reader.getEvents(actorId);
      const requests = () => counted.stats().outMsgs;
      // One new event: the last message follows the cached end, which the server enforced.
      await store.saveEvent(makeEvent(actorId, 2));
      let before = requests();
      expect((await reader.getEvents(actorId)).map((event) => event.version)).toEqual([1, 2]);
      expect(requests() - before).toBe(1);
      // Three: one get for the last message, one for each message before it.
      for (const version of [3, 4, 5]) await store.saveEvent(makeEvent(actorId, version));
      before = requests();
      expect((await reader.getEvents(actorId)).map((event) => event.version)).toEqual([1, 2, 3, 4, 5]);
      expect(requests() - before).toBe(3);
    } finally {
      await reader.close();
      await counted.close();
    }
  });

  it('answers getLatestVersion with a single request', async () => {
    const counted = await connect({ servers: natsUrl() });
    const reader = await JetStreamEventStore.open(counted, { storeName });
    try {
      const actorId = `latest-${crypto.randomUUID()}`;
      await store.saveEvent(makeEvent(actorId, 7));
      const before = counted.stats().outMsgs;
      expect(await reader.getLatestVersion(actorId)).toBe(7);
      expect(counted.stats().outMsgs - before).toBe(1);
    } finally {
      await reader.close();
      await counted.close();
    }
  });
});

describe('retries and reused ids', () => {
  it('accepts a save retried after a lost ack without storing a second copy', async () => {
    const actorId = `retry-${crypto.randomUUID()}`;
    const event = makeEvent(actorId, 1);
    // The first attempt reached the server, but its ack never came back: publish it as the store would.
    await jetstream(nc).publish(store.subjectFor(actorId), JSON.stringify(event), {
      msgID: event.id,
      expect: { lastSubjectSequence: 0 },
    });
    await store.saveEvent(event);
    const other = await otherProcess();
    await other.saveEvent(event);
    expect(await store.getEvents(actorId)).toEqual([event]);
  });

  it('accepts a retry after the duplicate window when the event is the actor head', async () => {
    const actorId = `late-retry-${crypto.randomUUID()}`;
    const event = makeEvent(actorId, 1);
    // Stored without a message id, as if the duplicate window had long passed.
    await jetstream(nc).publish(store.subjectFor(actorId), JSON.stringify(event));
    await store.saveEvent(event);
    expect(await store.getEvents(actorId)).toEqual([event]);
  });

  it('refuses an event id reused by a different event, storing nothing', async () => {
    const actorId = `reuse-${crypto.randomUUID()}`;
    const first = makeEvent(actorId, 1);
    await store.saveEvent(first);
    const otherActor = store.saveEvent(makeEvent(`${actorId}-b`, 1, { id: first.id }));
    await expect(otherActor).rejects.toMatchObject({ code: 'EVENT_ID_CONFLICT', retryable: false });
    const sameActor = store.saveEvent(makeEvent(actorId, 2, { id: first.id }));
    await expect(sameActor).rejects.toMatchObject({ code: 'EVENT_ID_CONFLICT' });
    // The server trims header values, so " id" would be "id" to it: core refuses such an id
    // before anything is sent, rather than letting it meet the first event's id.
    const spaced = store.saveEvent(makeEvent(`${actorId}-c`, 1, { id: ` ${first.id}` }));
    await expect(spaced).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'id' });
    expect(await store.getLatestVersion(`${actorId}-c`)).toBe(0);
    expect(await store.getEvents(actorId)).toEqual([first]);
    expect(await store.getEvents(`${actorId}-b`)).toEqual([]);
  });
});
