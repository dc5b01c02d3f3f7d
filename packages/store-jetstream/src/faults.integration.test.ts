import { randomUUID } from 'node:crypto';
import type { Event } from '@aether/core';
import { encodeEvent } from '@aether/core/adapter';
import { connectionNames, type NatsServer, startNatsServer } from '@aether/nats-harness';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JetStreamEventStore } from './jetstream-event-store.js';
import { AppendLog, appendLoop, countByCode } from './test-support/append-loop.js';
import { makeEvent, uniqueStoreName } from './test-support/nats.js';

/**
 * The store's answer timeout: a call cut off by the kill must fail long before it, and a save made
 * while the server is down must outlast the restart, which took more than the default 5 s on a
 * busy 2-core machine.
 */
const timeout = 30_000;
/** The replaying store's answer timeout, the idle time after which a read gives up. */
const readerTimeout = 30_000;
const actors = 4;
const eventsPerActor = 50;

describe('the server killed with SIGKILL in the middle of a stream of appends', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer({ monitor: true });
  });
  afterAll(() => server?.destroy());

  it('loses no acknowledged event; the client reconnects by itself; saves in flight fail at once and retryably; one made while it is down waits for it; retries store once', async () => {
    const storeName = uniqueStoreName('killed');
    const connectionName = `fault-store-${randomUUID().slice(0, 8)}`;
    const store = await JetStreamEventStore.connect({
      servers: server.url,
      storeName,
      timeout,
      // Reconnect for ever, quickly: the server is back within a second here.
      connection: {
        name: connectionName,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 50,
        reconnectJitter: 0,
      },
    });
    const actorIds = Array.from({ length: actors }, (_, index) => `killed-${index}-${randomUUID()}`);
    const log = new AppendLog();
    try {
      const loops = Promise.all(
        actorIds.map((actorId) => appendLoop({ store, actorId, count: eventsPerActor, log })),
      );
      loops.catch(() => undefined); // awaited below

      // Kill in the middle: a third of the events are acknowledged, the others still to come.
      await log.until(() => log.acked.length >= (actors * eventsPerActor) / 3);
      const pidBefore = server.pid;
      await server.kill('SIGKILL');
      const ackedBeforeKill = log.acked.length;
      // The saves in flight fail at once with a retryable error (every loop sees a failure)...
      await log.until(() => actorIds.every((id) => log.failures.some((failure) => failure.actorId === id)));
      const failedWhileDown = log.failures.length;
      // ... a save started while the server is down waits for it...
      const lateEvent = makeEvent(`started-while-down-${randomUUID()}`, 1);
      const lateStarted = performance.now();
      const late = store.saveEvent(lateEvent);
      const restartedAt = performance.now();
      await server.restart(); // same port, same store directory, a new process
      expect(server.pid).not.toBe(pidBefore);
      // ... and is stored once it is back, as the loops go on by themselves on the same store and connection.
      await late;
      const lateMs = Math.round(performance.now() - lateStarted);
      expect(lateMs).toBeLessThan(timeout);
      await loops;
      await store.saveEvent(lateEvent); // saving the same event again stores nothing more
      const firstAckAfterRestart = log.ackedAt.find((at) => at > restartedAt);
      expect(firstAckAfterRestart).toBeDefined();
      expect(await connectionNames(server)).toContain(connectionName);

      // Failures were retryable, and came with the drop, not at the store's timeout.
      expect(log.failures.every((failure) => failure.retryable)).toBe(true);
      const codes = countByCode(log.failures);
      for (const code of Object.keys(codes)) {
        expect(['DISCONNECTED', 'STREAM_UNAVAILABLE', 'NO_LEADER']).toContain(code);
      }
      const slowest = Math.max(...log.failures.map((failure) => failure.ms));
      expect(slowest).toBeLessThan(1000);

      // Read back through a fresh connection: each actor holds exactly the acknowledged events, in
      // order, versions 1..n, so the saves retried after "may or may not have been stored" are
      // stored once; the acknowledged ones from before the kill all survived.
      const nc = await connect({ servers: server.url });
      try {
        const reader = await JetStreamEventStore.open(nc, { storeName });
        for (const actorId of actorIds) {
          const stored = await reader.getEvents(actorId);
          const acked = log.acked.filter((event) => event.actorId === actorId);
          expect(stored.map((event) => event.id)).toEqual(acked.map((event) => event.id));
          expect(stored.map((event) => event.version)).toEqual(
            Array.from({ length: eventsPerActor }, (_, i) => i + 1),
          );
        }
        expect((await reader.getEvents(lateEvent.actorId)).map((event) => event.id)).toEqual([lateEvent.id]);
        for (const id of log.retriedUncertain) {
          expect(log.acked.filter((event) => event.id === id)).toHaveLength(1);
        }
        await reader.close();
      } finally {
        await nc.close();
      }

      console.log(
        `[server killed] ${ackedBeforeKill} of ${actors * eventsPerActor} events acknowledged before SIGKILL; ` +
          `${failedWhileDown} saves of the loops failed when it died; failures by code ${JSON.stringify(codes)}, ` +
          `slowest failed save ${slowest} ms (timeout ${timeout} ms); ` +
          `${log.retriedUncertain.size} saves failed as "may or may not have been stored" and were retried with the same event; ` +
          `first acknowledgement ${Math.round((firstAckAfterRestart ?? 0) - restartedAt)} ms after the restart began; ` +
          `a save started while it was down was stored ${lateMs} ms later`,
      );
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('the server killed with SIGKILL in the middle of a replay', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer();
  });
  afterAll(() => server?.destroy());

  it('goes on from where the read stopped once the server is back, well within its idle timeout, and returns every event once', async () => {
    const nc = await connect({
      servers: server.url,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 50,
      reconnectJitter: 0,
    });
    const storeName = uniqueStoreName('replay-killed');
    const writer = await JetStreamEventStore.open(nc, { storeName, timeout });
    const actorId = `replayed-${randomUUID()}`;
    const count = 30_000;
    try {
      // Pipelined raw publishes of exactly what the store writes: 30,000 awaited saves would take seconds.
      const js = jetstream(nc, { timeout });
      const subject = writer.subjectFor(actorId);
      for (let version = 1; version <= count; version += 1000) {
        await Promise.all(
          Array.from({ length: Math.min(1000, count - version + 1) }, (_, index) => {
            const event = makeEvent(actorId, version + index);
            return js.publish(subject, encodeEvent(event as Event), { msgID: event.id });
          }),
        );
      }
      // A fresh instance, so nothing is cached: the whole subject is read through a consumer.
      // Its idle timeout far above what the kill and restart take on a busy machine (7 s seen), so
      // that a read that only noticed the drop after it would fail the check below.
      const reader = await JetStreamEventStore.open(nc, { storeName, timeout: readerTimeout });
      const before = nc.stats().inMsgs;
      let settled = false;
      const reading = reader.getEvents(actorId).finally(() => {
        settled = true;
      });
      while (nc.stats().inMsgs - before < 3000) await new Promise((resolve) => setImmediate(resolve));
      expect(settled).toBe(false);
      const killedAt = performance.now();
      await server.kill('SIGKILL');
      await server.restart();

      const events = await reading;
      // The read stopped when the connection dropped, not after `readerTimeout` without a message.
      expect(performance.now() - killedAt).toBeLessThan(readerTimeout);
      expect(events).toHaveLength(count);
      expect(events.every((event, index) => event.version === index + 1)).toBe(true);
      await reader.close();
    } finally {
      await writer.close();
      await nc.close();
    }
  }, 300_000);
});
