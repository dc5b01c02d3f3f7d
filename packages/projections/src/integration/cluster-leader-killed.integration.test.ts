import { randomUUID } from 'node:crypto';
import { type NatsCluster, type NatsServer, startNatsCluster } from '@aether/nats-harness';
import { cleanup, testConnection } from '@aether/nats-harness/test-connection';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryCheckpoints } from '../checkpoints/memory-checkpoints.js';
import { runProjection } from '../runner/run-projection.js';
import { actorIds, readWholeLog, testStore } from '../test-support/jetstream-kit.js';
import { oracle, ReadModel } from '../test-support/processes/read-model.js';
import { runWriters, spawnRacingWriter } from '../test-support/worker-processes.js';

describe('a projection on a 3-node cluster, stream with 3 replicas, whose leader is killed mid-run', () => {
  let cluster: NatsCluster;
  beforeAll(async () => {
    cluster = await startNatsCluster({ size: 3 });
    // Cleanup steps run latest first: the cluster goes after the stores and connections on it.
    cleanup(() => cluster.destroy());
  });

  it('misses no event and applies none twice while writers on the 3 nodes race on the same actors', async () => {
    const nc = await testConnection(cluster.urls);
    const store = await testStore(nc, { replicas: 3, timeout: 2_000 });
    const leader = await cluster.streamLeader(store.stream);
    // The projection's own connection prefers the leader: killing it takes the runner's node too.
    const runnerStore = await testStore(
      await testConnection([leader.url, ...cluster.urls.filter((url) => url !== leader.url)]),
      { storeName: store.config.storeName, replicas: 3, timeout: 2_000 },
    );
    const actors = actorIds(`r3-${randomUUID().slice(0, 8)}`, 20);
    const writers = cluster.nodes.map((node: NatsServer, index) =>
      spawnRacingWriter({
        servers: [node.url, ...cluster.urls.filter((url) => url !== node.url)],
        storeName: store.config.storeName,
        replicas: 3,
        actorIds: actors,
        worker: `n${index + 1}w`,
        count: 1_200,
      }),
    );
    let progress = 0;
    for (const writer of writers) writer.onMessage((m) => m.type === 'progress' && progress++);
    const writing = runWriters(writers);
    const model = new ReadModel();
    const runner = runProjection(
      runnerStore,
      {
        name: 'r3-totals',
        async apply(batch) {
          for (const recorded of batch) model.apply(recorded);
        },
      },
      { checkpoints: memoryCheckpoints(), batchSize: 100 },
    );
    await runner.whenProcessed(500, { timeoutMs: 60_000 });
    const killedAt = runner.status().position;
    await leader.kill('SIGKILL');
    const progressAtKill = progress;
    // The writers go on against the 2 nodes left (a new leader is elected), then the node returns.
    while (progress < progressAtKill + 6) await new Promise((resolve) => setTimeout(resolve, 50));
    await leader.restart();
    const reports = await writing;
    await cluster.waitHealthy(30_000);

    const position = await runner.whenCaughtUp({ timeoutMs: 90_000 });
    const log = await readWholeLog(store);
    const retried = reports.reduce((sum, report) => sum + report.retried, 0);
    const conflicts = reports.reduce((sum, report) => sum + report.conflicts, 0);
    console.log(
      `[R3, leader ${leader.serverName} killed at position ${killedAt}] ${log.length} events from 3 writers on 3 nodes ` +
        `(${conflicts} conflicts, ${retried} retried failures); projection caught up at ${position}: ` +
        `${model.applications.size} (actorId, version) applied, ${model.appliedTwice().length} twice, state ${runner.status().state}`,
    );
    // Every acknowledged save is in the log; a few more when a save landed but its acknowledgement
    // was lost with the leader (the writer then saved again): the oracle is the log, not the count.
    const acknowledged = reports.reduce((sum, report) => sum + report.saved, 0);
    expect(acknowledged).toBe(3_600);
    expect(log.length).toBeGreaterThanOrEqual(acknowledged);
    expect(position).toBe(log.at(-1)?.position);
    expect(model.appliedTwice()).toEqual([]);
    expect(model.outOfOrder).toEqual([]);
    expect([...model.applications.keys()].sort()).toEqual(
      log.map(({ event }) => `${event.actorId}@${event.version}`).sort(),
    );
    expect(model.rows()).toEqual(oracle(log).rows());
    await runner.stop();
  }, 300_000);
});
