import { randomUUID } from 'node:crypto';
import { findHistoryExpiredError, findReplayError, type ReplayError } from '@aether/core';
import { jetstream } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { pollUntil } from './test-support/cluster.js';
import { fillLog, isEveryPosition, readUntil } from './test-support/log-kit.js';
import { makeEvent, manager, testConnection, testStore, uniqueStoreName } from './test-support/nats.js';

const nc = await testConnection();

describe('the log of a JetStream store', () => {
  it('reports a stored message that is not an event with its position: the read stops there, or goes on past it when asked', async () => {
    const store = await testStore(nc, { storeName: uniqueStoreName('log-corrupt') });
    const actorId = `corrupt-${randomUUID()}`;
    await store.saveEvent(makeEvent(actorId, 1));
    const garbage = await jetstream(nc).publish(
      store.subjectFor(actorId),
      new Uint8Array([0xff, 0x00, 0x01]),
    );
    await store.saveEvent(makeEvent(actorId, 2));

    const stopped = await store.readAll().catch((error: unknown) => error);
    expect(findReplayError(stopped)?.sequenceNumber).toBe(garbage.seq);
    expect(findReplayError(stopped)?.rawData).toEqual(new Uint8Array([0xff, 0x00, 0x01]));

    const reported: ReplayError[] = [];
    const read = await store.readAll({ onReplayError: (error) => reported.push(error) });
    expect(read.map(({ event }) => event.version)).toEqual([1, 2]);
    expect(reported.map((error) => error.sequenceNumber)).toEqual([garbage.seq]);

    const subscription = store.subscribe({ live: false });
    const delivered: number[] = [];
    const failure = await (async () => {
      for await (const { event } of subscription) delivered.push(event.version);
    })().catch((error: unknown) => error);
    expect(delivered).toEqual([1]);
    expect(findReplayError(failure)?.sequenceNumber).toBe(garbage.seq);
  });

  it("reports an event stored on another actor's subject, also after that subject's own events were read", async () => {
    const store = await testStore(nc, { storeName: uniqueStoreName('log-wrong-actor') });
    const actorId = `owner-${randomUUID()}`;
    await store.saveEvent(makeEvent(actorId, 1));
    const intruder = makeEvent(`intruder-${randomUUID()}`, 2);
    const stored = await jetstream(nc).publish(
      store.subjectFor(actorId),
      JSON.stringify({ ...intruder, timestamp: intruder.timestamp.toISOString() }),
    );
    await store.saveEvent(makeEvent(actorId, 2));

    const reported: ReplayError[] = [];
    const read = await store.readAll({ onReplayError: (error) => reported.push(error) });
    expect(read.map(({ event }) => [event.actorId, event.version])).toEqual([
      [actorId, 1],
      [actorId, 2],
    ]);
    expect(reported.map((error) => error.sequenceNumber)).toEqual([stored.seq]);
    expect(reported[0]?.cause).toMatchObject({ code: 'VALIDATION_ERROR', field: 'actorId' });
  });

  it('reads a log of 10,000 events in position order, in pages, every position once', async () => {
    const store = await testStore(nc, { storeName: uniqueStoreName('log-pages') });
    await fillLog(store, { prefix: `pages-${randomUUID()}`, actors: 100, events: 10_000 });
    const head = await store.headPosition();
    const positions: number[] = [];
    for (let after = 0; after < head; ) {
      const page = await store.readAll({ after, limit: 3_000 });
      positions.push(...page.map(({ position }) => position));
      after = page.at(-1)?.position ?? head;
    }
    expect(isEveryPosition(positions, 1, head)).toBe(true);
    const subscribed = await readUntil(store.subscribe({ live: false }), () => false);
    expect(
      isEveryPosition(
        subscribed.map(({ position }) => position),
        1,
        head,
      ),
    ).toBe(true);
  }, 480_000);

  it('refuses to start before the first position it still has, once old events expired, unless asked to', async () => {
    // Long enough that the survivor outlives the checks below on a busy machine (1 s did not).
    const store = await testStore(nc, { storeName: uniqueStoreName('log-expired'), maxAge: 10_000 });
    const actorId = `expired-${randomUUID()}`;
    await store.saveEvent(makeEvent(actorId, 1));
    await store.saveEvent(makeEvent(actorId, 2));
    // The server drops events older than max_age on its own schedule: wait until it has.
    const jsm = await manager(nc);
    await pollUntil(
      'the first events expired',
      async () => ((await jsm.streams.info(store.stream)).state.messages === 0 ? true : undefined),
      60_000,
    );
    const survivor = makeEvent(actorId, 3);
    await store.saveEvent(survivor);
    const head = await store.headPosition();

    const refused = await store.readAll().catch((error: unknown) => error);
    expect(findHistoryExpiredError(refused)).toMatchObject({ after: 0, firstPosition: head });
    const subscription = store.subscribe({ after: 1 });
    const subscribeRefused = await subscription[Symbol.asyncIterator]()
      .next()
      .catch((error: unknown) => error);
    expect(findHistoryExpiredError(subscribeRefused)).toMatchObject({ after: 1, firstPosition: head });
    await expect(subscription.caughtUp).rejects.toThrow();

    const allowed = await store.readAll({ allowExpiredHistory: true });
    expect(allowed).toEqual([{ event: survivor, position: head }]);
    expect(await store.readAll({ after: head - 1 })).toEqual(allowed);
  }, 120_000);
});
