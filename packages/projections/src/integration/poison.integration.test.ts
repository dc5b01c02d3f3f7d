import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@aether/core';
import { testConnection } from '@aether/nats-harness/test-connection';
import { describe, expect, it } from 'vitest';
import { memoryCheckpoints } from '../checkpoints/memory-checkpoints.js';
import { runProjection } from '../runner/run-projection.js';
import { fillLog, readWholeLog, testStore } from '../test-support/jetstream-kit.js';
import { oracle, ReadModel } from '../test-support/processes/read-model.js';

describe('a poison event in the middle of 10,000 on JetStream', () => {
  it("is parked once with its position and error (onPoison 'park'), every other event is applied once, the status shows it, and re-playing it after a fix applies it", async () => {
    const store = await testStore(await testConnection());
    const prefix = `poison-${randomUUID().slice(0, 8)}`;
    const poisonId = `${prefix}-poison`;
    await fillLog(store, {
      prefix,
      actors: 100,
      events: 10_000,
      id: (i) => (i === 5_000 ? poisonId : `${prefix}-e${i}`),
    });
    const log = await readWholeLog(store);
    const poison = log.find(({ event }) => event.id === poisonId) as RecordedEvent;
    expect(log).toHaveLength(10_000);

    const checkpoints = memoryCheckpoints();
    const model = new ReadModel();
    let broken = true;
    const runner = runProjection(
      store,
      {
        name: 'poisoned',
        async apply(batch) {
          // A batch is all or nothing: check before changing the read model.
          if (broken && batch.some(({ event }) => event.id === poisonId)) {
            throw new Error(`cannot apply ${poisonId}: amount is not a number`);
          }
          for (const recorded of batch) model.apply(recorded);
        },
      },
      { checkpoints, batchSize: 500, maxAttempts: 3, onPoison: 'park' },
    );
    expect(await runner.whenCaughtUp({ timeoutMs: 60_000 })).toBe(log.at(-1)?.position);

    const parked = await checkpoints.parked('poisoned');
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({
      projection: 'poisoned',
      position: poison.position,
      error: `cannot apply ${poisonId}: amount is not a number`,
      attempts: 3,
    });
    expect(parked[0]?.events.map(({ event }) => event.id)).toEqual([poisonId]);
    expect(runner.status()).toMatchObject({ state: 'live', parked: 1, lagEvents: 0 });
    const others = log.filter(({ event }) => event.id !== poisonId);
    expect(model.applications.size).toBe(9_999);
    expect(model.appliedTwice()).toEqual([]);
    expect(model.applications.has(`${poison.event.actorId}@${poison.event.version}`)).toBe(false);
    expect(
      others.every(({ event }) => model.applications.get(`${event.actorId}@${event.version}`) === 1),
    ).toBe(true);

    broken = false;
    expect(await runner.replayParked(poison.position)).toBe(true);
    expect(await checkpoints.parked('poisoned')).toEqual([]);
    expect(runner.status().parked).toBe(0);
    expect(model.applications.get(`${poison.event.actorId}@${poison.event.version}`)).toBe(1);
    // Every event applied once; the order per actor differs only by the one re-played late.
    expect(model.applications.size).toBe(10_000);
    const expected = oracle(log);
    expect(model.rows().map(([actor, row]) => [actor, row.events, row.amount])).toEqual(
      expected.rows().map(([actor, row]) => [actor, row.events, row.amount]),
    );
    console.log(
      `[poison] 10,000 events, poison at position ${poison.position}: parked once, 9,999 applied, re-played after the fix`,
    );
    await runner.stop();
  }, 300_000);
});
