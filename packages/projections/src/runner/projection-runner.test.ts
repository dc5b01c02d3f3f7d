import { VirtualClock } from '@aether/retry';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import type { CheckpointStore } from '../checkpoints/checkpoint-store.js';
import { memoryCheckpoints } from '../checkpoints/memory-checkpoints.js';
import { findProjectionError } from '../errors/projection-error.js';
import { event, fill, recording } from '../test-support/unit-kit.js';
import { runProjection } from './run-projection.js';

describe('runProjection', () => {
  it('applies every event once, in order, in batches, then goes on live; whenCaughtUp and whenProcessed tell', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 25);
    await store.saveEvents([event('b', 1), event('b', 2), event('b', 3)]);
    const { projection, batches, applied } = recording();
    const runner = runProjection(store, projection, { checkpoints: memoryCheckpoints(), batchSize: 10 });
    expect(await runner.whenCaughtUp()).toBe(26);
    expect(applied().map(({ position }) => position)).toEqual([
      ...Array.from({ length: 25 }, (_, i) => i + 1),
      26,
      26,
      26,
    ]);
    expect(batches.every((batch) => batch.length <= 12)).toBe(true);
    // The three events saved together are in one batch.
    expect(
      batches
        .find((batch) => batch.some(({ position }) => position === 26))
        ?.filter(({ position }) => position === 26),
    ).toHaveLength(3);

    await store.saveEvent(event('c', 1));
    await runner.whenProcessed(27);
    expect(applied().at(-1)?.position).toBe(27);
    expect(runner.status()).toMatchObject({ state: 'live', position: 27, lagEvents: 0, lagSeconds: 0 });
    await runner.stop();
    expect(runner.status().state).toBe('stopped');
  });

  it('gives apply only the event types asked for, and moves its position over the others', async () => {
    const store = new InMemoryEventStore();
    await store.saveEvent(event('a', 1, 'Placed'));
    await store.saveEvent(event('a', 2, 'Noted'));
    await store.saveEvent(event('a', 3, 'Placed'));
    await store.saveEvent(event('a', 4, 'Noted'));
    const { projection, applied } = recording();
    const runner = runProjection(
      store,
      { ...projection, eventTypes: ['Placed'] },
      { checkpoints: memoryCheckpoints() },
    );
    await runner.whenProcessed(4);
    expect(applied().map(({ event: e }) => e.version)).toEqual([1, 3]);
    expect(runner.status().position).toBe(4);
    await runner.stop();
  });

  it('starts after the committed position: a second run applies only what came after the first', async () => {
    const store = new InMemoryEventStore();
    const checkpoints = memoryCheckpoints();
    await fill(store, 'a', 5);
    const first = recording('orders');
    const one = runProjection(store, first.projection, { checkpoints });
    await one.whenCaughtUp();
    await one.stop();
    await store.saveEvent(event('b', 1));
    const second = recording('orders');
    const two = runProjection(store, second.projection, { checkpoints });
    await two.whenProcessed(6);
    expect(first.applied().map(({ position }) => position)).toEqual([1, 2, 3, 4, 5]);
    expect(second.applied().map(({ position }) => position)).toEqual([6]);
    await two.stop();
  });

  it('runs one worker per projection: the second waits in standby and takes over when the first stops', async () => {
    const store = new InMemoryEventStore();
    const checkpoints = memoryCheckpoints();
    const clock = new VirtualClock();
    await fill(store, 'a', 3);
    const first = recording('shared');
    const second = recording('shared');
    const one = runProjection(store, first.projection, { checkpoints, clock, holder: 'one' });
    await one.whenCaughtUp();
    const two = runProjection(store, second.projection, { checkpoints, clock, holder: 'two' });
    await clock.settle();
    expect(two.status().state).toBe('standby');
    await one.stop();
    await store.saveEvent(event('a', 4));
    // The standby worker tries again at its next wait.
    while (two.status().position < 4) {
      clock.advance(5_000);
      await clock.settle();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(first.applied().map(({ position }) => position)).toEqual([1, 2, 3]);
    expect(second.applied().map(({ position }) => position)).toEqual([4]);
    expect(two.status().holder).toBe('two');
    await two.stop();
  });

  it('never lets a worker whose lease was taken over commit again: it goes back to standby', async () => {
    const store = new InMemoryEventStore();
    let now = 0;
    const checkpoints = memoryCheckpoints({ now: () => now });
    await fill(store, 'a', 2);
    const paused = recording('fenced');
    const taker = recording('fenced');
    const one = runProjection(store, paused.projection, {
      checkpoints,
      holder: 'paused',
      leaseTtlMs: 1_000,
      clock: new VirtualClock(),
    });
    await one.whenCaughtUp();
    // The first worker is paused past its lease (its clock never moves, so it never renews).
    now += 2_000;
    const two = runProjection(store, taker.projection, {
      checkpoints,
      holder: 'taker',
      leaseTtlMs: 1_000,
      clock: new VirtualClock(),
    });
    await two.whenCaughtUp();
    await store.saveEvent(event('a', 3));
    await two.whenProcessed(3);
    // The paused worker sees the event too, but its commit is refused.
    while (one.status().state !== 'standby') await new Promise((resolve) => setImmediate(resolve));
    expect(paused.applied().map(({ position }) => position)).toEqual([1, 2]);
    expect(taker.applied().map(({ position }) => position)).toEqual([3]);
    await Promise.all([one.stop(), two.stop()]);
  });

  it("stops at an event that keeps failing, with POISON_EVENT, never skipping it (onPoison 'stop')", async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 10);
    const clock = new VirtualClock({ autoAdvance: true });
    const { projection, applied } = recording(undefined, ({ position }) => position === 6);
    const runner = runProjection(store, projection, {
      checkpoints: memoryCheckpoints(),
      batchSize: 4,
      maxAttempts: 3,
      clock,
    });
    const failure = await runner.whenCaughtUp().catch((error: unknown) => error);
    expect(findProjectionError(failure, 'POISON_EVENT')?.message).toContain('position 6');
    expect(applied().map(({ position }) => position)).toEqual([1, 2, 3, 4, 5]);
    expect(runner.status()).toMatchObject({ state: 'failed', position: 5 });
    await runner.stop();
  });

  it("parks an event that keeps failing and applies every other once (onPoison 'park'); re-playing it applies it", async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 20);
    const checkpoints = memoryCheckpoints();
    let broken = true;
    const { projection, applied } = recording('parking', ({ position }) => broken && position === 13);
    const runner = runProjection(store, projection, {
      checkpoints,
      batchSize: 8,
      maxAttempts: 2,
      onPoison: 'park',
      clock: new VirtualClock({ autoAdvance: true }),
    });
    await runner.whenCaughtUp();
    expect(applied().map(({ position }) => position)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1).filter((p) => p !== 13),
    );
    const parked = await checkpoints.parked('parking');
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ position: 13, attempts: 2, error: 'cannot apply position 13' });
    expect(runner.status().parked).toBe(1);
    broken = false;
    expect(await runner.replayParked(13)).toBe(true);
    expect(applied().at(-1)?.position).toBe(13);
    expect(await checkpoints.parked('parking')).toEqual([]);
    expect(await runner.replayParked(13)).toBe(false);
    await runner.stop();
  });

  it('retries a checkpoint store that fails for as long as it takes, and parks nothing for it', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 3);
    const inner = memoryCheckpoints();
    let failures = 3;
    const flaky: CheckpointStore<undefined> = {
      ...inner,
      async commit(lease, range, apply) {
        if (failures-- > 0) throw new Error('the database is unreachable');
        return inner.commit(lease, range, apply);
      },
    };
    const { projection, applied } = recording();
    const runner = runProjection(store, projection, {
      checkpoints: flaky,
      maxAttempts: 1,
      onPoison: 'park',
      clock: new VirtualClock({ autoAdvance: true }),
    });
    await runner.whenCaughtUp();
    expect(applied().map(({ position }) => position)).toEqual([1, 2, 3]);
    expect(await inner.parked(projection.name)).toEqual([]);
    await runner.stop();
  });

  it('times out whenCaughtUp and whenProcessed with a message naming the projection, its position and the head', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 2);
    const clock = new VirtualClock();
    const { projection } = recording('slow-one');
    const runner = runProjection(store, projection, { checkpoints: memoryCheckpoints(), clock });
    await runner.whenCaughtUp();
    const waiting = runner.whenProcessed(99, { timeoutMs: 500 }).catch((error: unknown) => error);
    clock.advance(500);
    const error = await waiting;
    expect(findProjectionError(error, 'TIMEOUT')?.message).toMatch(
      /"slow-one" did not process position 99 within 500 ms: it is at position 2, the head at 2/,
    );
    await runner.stop();
  });
});
