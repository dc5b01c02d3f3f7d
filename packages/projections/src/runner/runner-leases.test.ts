import { VirtualClock } from '@aether/retry';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import { memoryCheckpoints } from '../checkpoints/memory-checkpoints.js';
import { fill, recording, turns, turnUntil } from '../test-support/unit-kit.js';
import { runProjection } from './run-projection.js';

describe('leases', () => {
  it('two workers started at once: exactly one holds the lease and applies, the other waits in standby', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 20);
    const clock = new VirtualClock();
    const checkpoints = memoryCheckpoints({ now: () => clock.now() });
    const first = recording('twins');
    const second = recording('twins');
    const one = runProjection(store, first.projection, { checkpoints, clock, holder: 'one' });
    const two = runProjection(store, second.projection, { checkpoints, clock, holder: 'two' });
    await turnUntil('one of them has applied everything', () =>
      [one, two].some((runner) => runner.status().position === 20),
    );
    const states = [one.status().state, two.status().state].sort();
    expect(states).toEqual(['live', 'standby']);
    // Every event applied once, by one worker only.
    expect([first.applied().length, second.applied().length].sort((a, b) => a - b)).toEqual([0, 20]);
    await Promise.all([one.stop(), two.stop()]);
  });

  it('a worker that died holding the lease is taken over after the lease expires (15 s by default), not before', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 3);
    const clock = new VirtualClock();
    const checkpoints = memoryCheckpoints({ now: () => clock.now() });
    // A worker that took the lease and died: it never renews nor releases it.
    await checkpoints.acquire('orphaned', 'dead-worker', 15_000);
    const { projection, applied } = recording('orphaned');
    const runner = runProjection(store, projection, { checkpoints, clock, holder: 'heir' });
    await turns();
    expect(runner.status().state).toBe('standby');
    await clock.advance(14_900);
    await turns();
    expect(runner.status().state).toBe('standby');
    expect(applied()).toEqual([]);
    // Standby workers look again every 250 ms: taken over within 15.25 s.
    await clock.advance(350);
    await turnUntil('the heir has applied everything', () => runner.status().position === 3);
    expect(runner.status()).toMatchObject({ state: 'live', holder: 'heir' });
    await runner.stop();
  });

  it('retries a poison event with growing waits before parking it: never a hot loop', async () => {
    const store = new InMemoryEventStore();
    await fill(store, 'a', 1);
    const clock = new VirtualClock({ autoAdvance: true });
    const checkpoints = memoryCheckpoints();
    let tries = 0;
    const runner = runProjection(
      store,
      {
        name: 'always-failing',
        async apply() {
          tries++;
          throw new Error('no');
        },
      },
      { checkpoints, clock, maxAttempts: 4, onPoison: 'park' },
    );
    await runner.whenCaughtUp();
    expect(tries).toBe(4);
    // The waits between the 4 tries: 100, 200, 400 ms.
    expect(clock.sleeps.filter((ms) => ms < 1_000)).toEqual(expect.arrayContaining([100, 200, 400]));
    expect(await checkpoints.parked('always-failing')).toMatchObject([{ position: 1, attempts: 4 }]);
    await runner.stop();
  });
});
