import { randomUUID } from 'node:crypto';
import { type AnyEvent, isRetryable, isVersionConflict } from '@aether/core';
import { type NatsServer, startNatsServer } from '@aether/nats-harness';
import { uniqueTestName } from '@aether/nats-harness/test-connection';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { constant } from '../backoff/constant.js';
import { exponentialWithJitter } from '../backoff/jitter.js';
import { barrier, InterceptedStore, type SaveInterception } from '../test-support/intercepted-store.js';
import { type LineAdded, lineAdded } from '../test-support/order.js';
import { type MakeEventContext, saveWithRetry } from './save-with-retry.js';

/**
 * The stores' answer timeout: a save whose acknowledgement does not come within it fails with TIMEOUT.
 * The frozen server waits as long as it takes; the rest (opening the stream, the first save) must
 * fit in it on a busy 2-core machine, where 500 ms was too little.
 */
const timeout = 5000;

// What a JetStream user retries: conflicts, and the store's errors flagged retryable (TIMEOUT among them).
const retryOn = (error: unknown) => isVersionConflict(error) || isRetryable(error);

const idsPerAttempt = {
  'the same id on every attempt': (name: string, _attempt: number) => name,
  'a fresh id per attempt': (name: string, attempt: number) => `${name}-attempt-${attempt}`,
};
type IdOf = (name: string, attempt: number) => string;

/** Builds `writer`'s line `seq` at the next version, with the id `idOf` gives for the attempt. */
function lineMaker(actorId: string, writer: string, seq: number, idOf: IdOf) {
  return (version: number, _state: undefined, { attempt }: MakeEventContext): LineAdded => ({
    ...lineAdded(actorId, version + 1, writer, seq),
    id: idOf(`${actorId}-${writer}-${seq}`, attempt),
  });
}

describe('saveWithRetry on JetStream when the server freezes and the acknowledgement is lost', () => {
  let server: NatsServer;
  const stores: JetStreamEventStore[] = [];
  beforeAll(async () => {
    server = await startNatsServer(); // its own server: freezing the shared one would stall other tests
  });
  afterAll(async () => {
    await server?.resume().catch(() => undefined); // never leave it frozen if a test failed midway
    for (const store of stores) await store.close();
    await server?.destroy();
  });

  async function openStore(storeName: string): Promise<JetStreamEventStore> {
    const store = await JetStreamEventStore.connect({ servers: server.url, storeName, timeout });
    stores.push(store);
    return store;
  }

  // The server is frozen (SIGSTOP, awaited until the process is stopped) before the store sends the
  // save, so the message waits in the server's socket buffer: the server stores it only once it runs
  // again, after the store gave up waiting. Freezing it after the send would race the server's ack.
  // It runs again (SIGCONT) once the save has failed: an awaited failure, no sleep.
  const freezeAround: SaveInterception = {
    before: () => server.pause(),
    after: () => server.resume(),
  };

  it.each(Object.entries(idsPerAttempt))(
    'one writer, %s: success at the version stored, the event stored exactly once',
    async (_name, idOf) => {
      const storeName = uniqueTestName('lost-ack');
      const store = new InterceptedStore(await openStore(storeName));
      const actorId = `order-${randomUUID()}`;
      await store.saveEvent(lineAdded(actorId, 1, 'setup', 1));
      const makeEvent = vi.fn(lineMaker(actorId, 'me', 1, idOf));

      store.interceptNextSave(freezeAround);
      const result = await saveWithRetry(store, actorId, makeEvent, {
        retryOn,
        backoff: constant(10),
        maxAttempts: 20,
      });

      // The first save failed with a timeout, yet stored the event: the next attempt found it.
      expect(store.failures[0]).toMatchObject({ code: 'TIMEOUT' });
      expect(makeEvent).toHaveBeenCalledTimes(1);
      const firstId = idOf(`${actorId}-me-1`, 1);
      expect(result.event.id).toBe(firstId);
      expect(result.event.version).toBe(2);
      // Read back through another connection, so nothing comes from the writer's caches.
      const reader = await openStore(storeName);
      const stored = await reader.getEvents(actorId);
      expect(stored.map((event) => [event.version, event.id])).toEqual([
        [1, expect.any(String)],
        [2, firstId],
      ]);
      expect(stored[1]).toEqual(result.event);
    },
    60_000,
  );

  it('4 writers on 4 connections racing on one actor through a freeze: every line stored once, versions contiguous', async () => {
    const storeName = uniqueTestName('lost-ack-race');
    const actorId = `order-${randomUUID()}`;
    const writers = 4;
    const linesEach = 3;
    const writerStores = await Promise.all(
      Array.from({ length: writers }, async () => new InterceptedStore(await openStore(storeName))),
    );
    await writerStores[0]?.saveEvent(lineAdded(actorId, 1, 'setup', 1));
    // Every writer's first save is sent while the server is frozen, and the server runs again once
    // all of them have failed: all four messages reach it, each expecting version 1 to be the last.
    const allSending = barrier(writers, () => server.pause());
    const allFailed = barrier(writers, () => server.resume());
    for (const store of writerStores) store.interceptNextSave({ before: allSending, after: allFailed });

    const firstLineBuilds: number[] = [];
    const results = await Promise.all(
      writerStores.map(async (store, index) => {
        const writer = `w${index}`;
        // Half the writers keep one id per line, the others make a fresh id per attempt.
        const idOf =
          index % 2 === 0
            ? idsPerAttempt['the same id on every attempt']
            : idsPerAttempt['a fresh id per attempt'];
        const saved: AnyEvent[] = [];
        for (let seq = 1; seq <= linesEach; seq++) {
          const makeEvent = vi.fn(lineMaker(actorId, writer, seq, idOf));
          const { event } = await saveWithRetry(store, actorId, makeEvent, {
            retryOn,
            maxAttempts: 100,
            backoff: exponentialWithJitter({ initialDelayMs: 5, maxDelayMs: 100 }),
          });
          if (seq === 1) firstLineBuilds.push(makeEvent.mock.calls.length);
          saved.push(event);
        }
        return saved;
      }),
    );

    for (const store of writerStores) expect(store.failures[0]).toMatchObject({ code: 'TIMEOUT' });
    const reader = await openStore(storeName);
    const stored = await reader.getEvents(actorId);
    const total = 1 + writers * linesEach;
    expect(stored.map((event) => event.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const lines = stored.slice(1).map((event) => `${event.data.writer}#${event.data.seq}`);
    expect(new Set(lines).size).toBe(writers * linesEach);
    // What each writer was told it saved is exactly what the stream holds at that version.
    const byVersion = new Map(stored.map((event) => [event.version, event.id]));
    for (const event of results.flat()) expect(byVersion.get(event.version)).toBe(event.id);
    // Of the four frozen saves the server stored exactly one (the others expected a stale last
    // version); its writer recognised it without building its line again.
    expect(firstLineBuilds.filter((builds) => builds === 1)).toHaveLength(1);
  }, 120_000);
});
