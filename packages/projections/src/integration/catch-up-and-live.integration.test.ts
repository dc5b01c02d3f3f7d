import { randomUUID } from 'node:crypto';
import { testConnection } from '@aether/nats-harness/test-connection';
import { natsUrl } from '@aether/nats-harness/vitest';
import { describe, expect, it } from 'vitest';
import { memoryCheckpoints } from '../checkpoints/memory-checkpoints.js';
import { runProjection } from '../runner/run-projection.js';
import { actorIds, readWholeLog, testStore } from '../test-support/jetstream-kit.js';
import { oracle, ReadModel } from '../test-support/processes/read-model.js';
import { runWriters, spawnRacingWriters } from '../test-support/worker-processes.js';

describe('a projection started while 4 writer processes append, racing on the same actors', () => {
  it('catches up, goes on live, and once the writers stop, whenCaughtUp resolves with the read model equal to the oracle from readAll', async () => {
    const store = await testStore(await testConnection());
    const actors = actorIds(`live-${randomUUID().slice(0, 8)}`, 20);
    const writers = spawnRacingWriters(4, {
      servers: [natsUrl()],
      storeName: store.config.storeName,
      actorIds: actors,
      count: 1_500,
    });
    const progressed = new Promise<void>((resolve) =>
      writers[0]?.onMessage((m) => m.type === 'progress' && resolve()),
    );
    const writing = runWriters(writers);
    // The projection starts once the log has a history to catch up on, while the writers go on.
    await progressed;
    const model = new ReadModel();
    const runner = runProjection(
      store,
      {
        name: 'live-totals',
        async apply(batch) {
          for (const recorded of batch) model.apply(recorded);
        },
      },
      { checkpoints: memoryCheckpoints(), batchSize: 200 },
    );
    const startedAt = await store.headPosition();
    await runner.whenProcessed(startedAt, { timeoutMs: 60_000 });
    const whileWriting = runner.status();
    const reports = await writing;

    const position = await runner.whenCaughtUp({ timeoutMs: 60_000 });
    const log = await readWholeLog(store);
    expect(position).toBe(log.at(-1)?.position);
    expect(log).toHaveLength(6_000);
    const expected = oracle(log);
    expect(model.rows()).toEqual(expected.rows());
    expect(model.appliedTwice()).toEqual([]);
    expect(model.outOfOrder).toEqual([]);
    expect(model.applications.size).toBe(6_000);
    const conflicts = reports.reduce((sum, report) => sum + report.conflicts, 0);
    expect(conflicts).toBeGreaterThan(0);
    console.log(
      `[catch-up and live] 4 writer processes, 20 shared actors, 6,000 events (${conflicts} version conflicts); ` +
        `started with ${startedAt} in the log, ${whileWriting.state} at ${whileWriting.position} while they wrote; ` +
        `caught up at ${position}, read model = oracle`,
    );
    await runner.stop();
  }, 240_000);
});
