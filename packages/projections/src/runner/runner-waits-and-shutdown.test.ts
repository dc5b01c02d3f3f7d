import { ValidationError } from '@aether/core';
import { errorKind } from '@aether/core/adapter';
import { VirtualClock } from '@aether/retry';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import type { CheckpointStore } from '../checkpoints/checkpoint-store.js';
import { memoryCheckpoints } from '../checkpoints/memory-checkpoints.js';
import { findProjectionError } from '../errors/projection-error.js';
import type { Projection } from '../projection.js';
import { event, fill, observedLog, recording, turns, turnUntil } from '../test-support/unit-kit.js';
import { runProjection } from './run-projection.js';

// A log error a store marks retryable (a server restarting, a leader election).
class LogUnavailable extends Error {
  readonly code = 'UNAVAILABLE';
  readonly retryable = true;
  constructor() {
    super('the log is unavailable for a moment');
    errorKind<LogUnavailable>('test.LogUnavailable').mark(this);
  }
}

describe('whenCaughtUp and whenProcessed', () => {
  it('whenCaughtUp waits for every event saved before the call, not only those there at start', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 5);
    const { projection, applied } = recording();
    const runner = runProjection(store, projection, { checkpoints: memoryCheckpoints() });
    expect(await runner.whenCaughtUp()).toBe(5);
    await fill(store, 'b', 3);
    expect(await runner.whenCaughtUp()).toBe(8);
    expect(applied()).toHaveLength(8);
    await runner.stop();
  });

  it('whenCaughtUp ends when nothing is left to apply, even when the head position holds no event', async () => {
    const inner = new InMemoryEventStore();
    await fill(inner, 'a', 4);
    const { store, log } = observedLog(inner);
    // The head is one past the last event: a save that lost a race on a replicated stream.
    log.headOffset = 1;
    const runner = runProjection(store, recording().projection, { checkpoints: memoryCheckpoints() });
    expect(await runner.whenCaughtUp()).toBe(4);
    await runner.stop();
  });

  it('time out by default after 30 s, naming the projection, its position and the head', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 2);
    const clock = new VirtualClock();
    const runner = runProjection(store, recording('default-wait').projection, {
      checkpoints: memoryCheckpoints(),
      clock,
    });
    await runner.whenProcessed(2);
    const waiting = runner.whenProcessed(3).catch((error: unknown) => error);
    await clock.advance(29_999);
    await turns();
    expect(runner.status().state).toBe('live');
    await clock.advance(1);
    expect(findProjectionError(await waiting, 'TIMEOUT')?.message).toBe(
      'projection "default-wait" did not process position 3 within 30000 ms: it is at position 2, the head at 2 (state live)',
    );
    await runner.stop();
  });

  it('wait without a timer when asked to (Infinity), and still end when the runner stops', async () => {
    const store = new InMemoryEventStore();
    const clock = new VirtualClock();
    const runner = runProjection(store, recording().projection, { checkpoints: memoryCheckpoints(), clock });
    const waiting = runner
      .whenProcessed(10, { timeoutMs: Number.POSITIVE_INFINITY })
      .catch((e: unknown) => e);
    await clock.advance(120_000);
    await runner.stop();
    expect(findProjectionError(await waiting, 'STOPPED')).toBeDefined();
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 31])(
    'refuse a timeoutMs of %s with a ValidationError',
    async (timeoutMs) => {
      const runner = runProjection(new InMemoryEventStore(), recording().projection, {
        checkpoints: memoryCheckpoints(),
      });
      for (const wait of [runner.whenCaughtUp({ timeoutMs }), runner.whenProcessed(1, { timeoutMs })]) {
        const error = await wait.catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ field: 'timeoutMs' });
      }
      await runner.stop();
    },
  );

  it.each([-1, 1.5, Number.NaN])(
    'refuse whenProcessed(%s) with a ValidationError naming the position',
    async (position) => {
      const runner = runProjection(new InMemoryEventStore(), recording().projection, {
        checkpoints: memoryCheckpoints(),
      });
      await expect(runner.whenProcessed(position)).rejects.toMatchObject({ field: 'position' });
      await runner.stop();
    },
  );

  it('reject at once with STOPPED once the runner has stopped, instead of waiting for the timeout', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 1);
    const runner = runProjection(store, recording('gone').projection, { checkpoints: memoryCheckpoints() });
    await runner.whenCaughtUp();
    await runner.stop();
    await store.saveEvent(event('a', 2));
    const error = await runner.whenProcessed(2).catch((caught: unknown) => caught);
    expect(findProjectionError(error, 'STOPPED')?.message).toContain(
      '"gone" was stopped: it is at position 1',
    );
    await expect(runner.whenCaughtUp()).rejects.toMatchObject({ code: 'STOPPED' });
  });
});

describe('lag', () => {
  it('reports events behind the head and seconds since the oldest unapplied event was saved, then 0 once applied', async () => {
    const store = new InMemoryEventStore();
    const clock = new VirtualClock({ start: 1_000 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: number[] = [];
    const projection: Projection = {
      name: 'lagging',
      async apply(batch) {
        await gate;
        seen.push(...batch.map(({ position }) => position));
      },
    };
    // Saved at 1 s, 2 s, 3 s (the events' timestamps).
    await fill(store, 'a', 3);
    const runner = runProjection(store, projection, {
      checkpoints: memoryCheckpoints(),
      clock,
      batchSize: 1,
    });
    await turnUntil('the first batch is in hand', () => runner.status().head === 3);
    await clock.advance(9_000); // now 10 s
    expect(runner.status()).toMatchObject({ position: 0, head: 3, lagEvents: 3, lagSeconds: 9 });
    release();
    await runner.whenCaughtUp();
    expect(runner.status()).toMatchObject({ position: 3, lagEvents: 0, lagSeconds: 0 });
    expect(seen).toEqual([1, 2, 3]);
    await runner.stop();
  });
});

describe('stop() and a failing log', () => {
  it('stops cleanly when called at once, before the runner has read its position', async () => {
    const inner = new InMemoryEventStore();
    const { store, log } = observedLog(inner);
    const runner = runProjection(store, recording().projection, { checkpoints: memoryCheckpoints() });
    await runner.stop();
    expect(runner.status().state).toBe('stopped');
    expect(log.closed).toBe(log.opened);
  });

  it('finishes the batch in hand, commits it, closes every subscription and releases the lease', async () => {
    const inner = new InMemoryEventStore();
    await fill(inner, 'a', 4);
    const { store, log } = observedLog(inner);
    const checkpoints = memoryCheckpoints();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const applied: number[] = [];
    const runner = runProjection(
      store,
      {
        name: 'stopping',
        async apply(batch) {
          await gate;
          applied.push(...batch.map(({ position }) => position));
        },
      },
      { checkpoints, holder: 'one' },
    );
    await turnUntil('a batch is in hand', () => runner.status().head === 4);
    const stopped = runner.stop();
    expect(runner.status().state).toBe('stopping');
    release();
    await stopped;
    expect(runner.status()).toMatchObject({ state: 'stopped', position: 4 });
    expect(applied).toEqual([1, 2, 3, 4]);
    expect(await checkpoints.position('stopping')).toBe(4);
    expect(log).toMatchObject({ opened: 1, closed: 1 });
    // Released: another worker gets the lease at once, not after its time to live.
    expect(await checkpoints.acquire('stopping', 'two', 1_000)).toMatchObject({ holder: 'two' });
  });

  it('stops cleanly (state stopped, nothing committed, lease released) while a failing commit waits for its next try', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 2);
    const inner = memoryCheckpoints();
    const down: CheckpointStore<undefined> = {
      ...inner,
      commit: async () => {
        throw new Error('the database is unreachable');
      },
    };
    const clock = new VirtualClock();
    const runner = runProjection(store, recording('db-down').projection, { checkpoints: down, clock });
    await turnUntil('a commit was tried', () => clock.sleeps.includes(100));
    await runner.stop();
    expect(runner.status()).toMatchObject({ state: 'stopped', position: 0, error: undefined });
    expect(await inner.acquire('db-down', 'other', 1_000)).toBeDefined();
  });

  it('never hot-loops on a database that stays down: the waits between commits grow to 5 s', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 1);
    const inner = memoryCheckpoints();
    let tries = 0;
    const down: CheckpointStore<undefined> = {
      ...inner,
      commit: async () => {
        tries++;
        throw new Error('the database is unreachable');
      },
    };
    const clock = new VirtualClock();
    const runner = runProjection(store, recording().projection, { checkpoints: down, clock });
    await turnUntil('the first try', () => tries === 1);
    await clock.advance(60_000);
    // 100, 200, 400, ... 3,200, then 5,000 each: 6 + 11 waits in a minute, not thousands of tries.
    expect(tries).toBeLessThan(20);
    expect(tries).toBeGreaterThan(10);
    await runner.stop();
  });

  it('follows the log again from the committed position after a retryable log error: nothing missed, nothing twice', async () => {
    const inner = new InMemoryEventStore();
    await fill(inner, 'a', 30);
    const { store, log } = observedLog(inner);
    log.failNext = { after: 12, error: new LogUnavailable() };
    const clock = new VirtualClock({ autoAdvance: true });
    const { projection, applied } = recording();
    const runner = runProjection(store, projection, {
      checkpoints: memoryCheckpoints(),
      clock,
      batchSize: 5,
    });
    expect(await runner.whenCaughtUp()).toBe(30);
    expect(applied().map(({ position }) => position)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(log.opened).toBe(2);
    await runner.stop();
    expect(log.closed).toBe(2);
  });

  it('fails at start with the error of a checkpoint store it cannot reach, and the waits reject with it at once', async () => {
    const store = new InMemoryEventStore();
    const inner = memoryCheckpoints();
    const unreachable: CheckpointStore<undefined> = {
      ...inner,
      acquire: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
    };
    const runner = runProjection(store, recording().projection, { checkpoints: unreachable });
    await expect(runner.whenCaughtUp()).rejects.toThrow('connect ECONNREFUSED 127.0.0.1:5432');
    expect(runner.status()).toMatchObject({ state: 'failed', error: 'connect ECONNREFUSED 127.0.0.1:5432' });
    await expect(runner.whenProcessed(1)).rejects.toThrow('ECONNREFUSED');
    await runner.stop();
  });

  it('fails (state failed, the error kept) on a log error that is not retryable, rather than skip anything', async () => {
    const inner = new InMemoryEventStore();
    await fill(inner, 'a', 10);
    const { store, log } = observedLog(inner);
    log.failNext = { after: 3, error: new Error('corrupt message at position 4') };
    const runner = runProjection(store, recording().projection, {
      checkpoints: memoryCheckpoints(),
      batchSize: 2,
    });
    await expect(runner.whenCaughtUp()).rejects.toThrow('corrupt message at position 4');
    expect(runner.status()).toMatchObject({ state: 'failed', error: 'corrupt message at position 4' });
    expect(runner.status().position).toBeLessThanOrEqual(3);
    await runner.stop();
  });
});
