import { randomUUID } from 'node:crypto';
import { type NatsServer, startNatsServer } from '@aether/nats-harness';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JetStreamEventStore } from './jetstream-event-store.js';
import { CallTracker } from './test-support/call-tracker.js';
import { uniqueStoreName } from './test-support/nats.js';
import { racingWriter, sequentialWriter } from './test-support/writers.js';

/** The store's default answer timeout: a call in flight at the kill must fail long before it. */
const timeout = 5000;
const stores = 3;
const cycles = 3;
/** Acknowledged saves between two kills. */
const acksPerCycle = 30;
/** nats.js dials again every 2 s by default; the recovery measured here is mostly this wait. */
const reconnectTimeWait = 250;
/** How long the server stays dead before it is started again. */
const outageMs = 400;

interface CycleFigures {
  inFlight: number;
  killToFirstFailure: number;
  slowestInFlight: number;
  /** Calls started while the server was down. */
  whileDown: number;
  restartMs: number;
  restartToFirstAck: number;
}

describe('a single server killed and restarted under writers racing on one actor', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer();
  });
  afterAll(() => server?.destroy());

  it('fails every call in flight at once and retryably, saves again right after the restart, loses no acknowledged event', async () => {
    const storeName = uniqueStoreName('restart-race');
    const opened = await Promise.all(
      Array.from({ length: stores }, (_, index) =>
        JetStreamEventStore.connect({
          servers: server.url,
          storeName,
          timeout,
          connection: {
            name: `racer-${index}`,
            maxReconnectAttempts: -1,
            reconnectTimeWait,
            reconnectJitter: 0,
          },
        }),
      ),
    );
    const tracker = new CallTracker();
    const hot = `hot-${randomUUID()}`;
    const own = opened.map((_, index) => `own-${index}-${randomUUID()}`);
    const stop = new AbortController();
    const writers = Promise.all(
      opened.flatMap((store, index) => [
        racingWriter({ store, actorId: hot, tracker, signal: stop.signal }),
        sequentialWriter({ store, actorId: own[index] as string, tracker, signal: stop.signal }),
      ]),
    );
    writers.catch(() => undefined); // awaited below
    const figures: CycleFigures[] = [];
    try {
      for (let cycle = 0; cycle < cycles; cycle++) {
        const acksBefore = tracker.acked().length;
        await tracker.until(() => tracker.acked().length >= acksBefore + acksPerCycle);

        const killedAt = performance.now();
        await server.kill('SIGKILL');
        const inFlight = tracker.inFlightAt(killedAt);
        await tracker.until(() => inFlight.every((call) => call.ended !== undefined));
        const downAt = performance.now(); // the connections have seen the drop by now
        // The length of the outage itself (the scenario, not a wait for a condition): the writers
        // go on calling while the server is away.
        await new Promise((resolve) => setTimeout(resolve, outageMs));
        const restartAt = performance.now();
        await server.restart(); // same port, same store directory, a new process
        const readyAt = performance.now();
        await tracker.until(() => tracker.acked().some((call) => (call.ended as number) > readyAt));

        const failures = tracker.calls.filter(
          (call) =>
            call.ended !== undefined &&
            call.ended > killedAt &&
            call.outcome !== 'ok' &&
            call.outcome !== 'conflict',
        );
        const firstAck = Math.min(
          ...tracker
            .acked()
            .map((call) => call.ended as number)
            .filter((ended) => ended > readyAt),
        );
        // Every call in flight at the kill ended within a fraction of the timeout; the failed ones
        // said "retry", and none waited for a timeout.
        expect(inFlight.length).toBeGreaterThan(0);
        for (const call of inFlight) {
          expect((call.ended as number) - killedAt, JSON.stringify(call)).toBeLessThan(1000);
          if (call.outcome !== 'ok' && call.outcome !== 'conflict') expect(call.retryable).toBe(true);
        }
        expect(failures.every((call) => call.retryable)).toBe(true);
        expect(failures.map((call) => call.outcome)).not.toContain('TIMEOUT');
        // Saves again as soon as the server is back: sooner than a call could even time out (it
        // took 27-267 ms alone, over 2 s beside two other whole test runs).
        expect(firstAck - restartAt).toBeLessThan(timeout);
        // Calls made while the server was down waited for it (well within their timeout) and
        // were answered once it was back: none failed.
        const whileDown = tracker.calls.filter((call) => call.started > downAt && call.started < readyAt);
        await tracker.until(() => whileDown.every((call) => call.ended !== undefined));
        for (const call of whileDown)
          expect(['ok', 'conflict'], JSON.stringify(call)).toContain(call.outcome);
        figures.push({
          inFlight: inFlight.length,
          killToFirstFailure: Math.round(
            Math.min(...failures.map((call) => call.ended as number)) - killedAt,
          ),
          slowestInFlight: Math.round(Math.max(...inFlight.map((call) => call.ended as number)) - killedAt),
          whileDown: whileDown.length,
          restartMs: Math.round(readyAt - restartAt),
          restartToFirstAck: Math.round(firstAck - restartAt),
        });
      }
      stop.abort();
      await writers;

      // Read back through a fresh connection: every acknowledged save exactly once, at its version.
      const nc = await connect({ servers: server.url });
      try {
        const reader = await JetStreamEventStore.open(nc, { storeName });
        const attempted = new Set(tracker.calls.map((call) => call.eventId));
        for (const actorId of [hot, ...own]) {
          const stored = await reader.getEvents(actorId);
          expect(stored.map((event) => event.version)).toEqual(stored.map((_, index) => index + 1));
          expect(new Set(stored.map((event) => event.id)).size).toBe(stored.length);
          expect(stored.every((event) => attempted.has(event.id))).toBe(true);
          for (const call of tracker.acked().filter((acked) => acked.actorId === actorId)) {
            expect(stored[(call.version as number) - 1]?.id).toBe(call.eventId);
          }
        }
        await reader.close();
      } finally {
        await nc.close();
      }
    } finally {
      stop.abort();
      await writers.catch(() => undefined);
      await Promise.all(opened.map((store) => store.close()));
    }
    const codes: Record<string, number> = {};
    for (const call of tracker.calls) {
      if (call.outcome !== undefined && call.outcome !== 'ok')
        codes[call.outcome] = (codes[call.outcome] ?? 0) + 1;
    }
    console.log(
      `[restart race] ${stores} stores, ${tracker.acked().length} acknowledged saves, outcomes ${JSON.stringify(codes)}; per kill: ` +
        figures
          .map(
            (f) =>
              `${f.inFlight} calls in flight, kill→first failure ${f.killToFirstFailure} ms, slowest in flight ${f.slowestInFlight} ms, ` +
              `${f.whileDown} calls made while down (held, none failed), ` +
              `restart→first ack ${f.restartToFirstAck} ms (server ready after ${f.restartMs} ms)`,
          )
          .join('; '),
    );
  }, 60_000);
});
