import type { Event } from '@aether/core';
import { type NatsCluster, startNatsCluster } from '@aether/nats-harness';
import { cleanup, testConnection, uniqueTestName } from '@aether/nats-harness/test-connection';
import { type Projection, runProjection } from '@aether/projections';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstreamManager } from '@nats-io/jetstream';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { postgresCheckpoints } from './postgres-checkpoints.js';
import {
  amountTotalsOracle,
  createAmountTotals,
  readAmountTotals,
  readLog,
} from './test-support/amount-totals.js';
import { createAppliedEvents, readApplied, recordApplied } from './test-support/applied-events.js';
import { testDatabase } from './test-support/database.js';
import { addToAmountTotals } from './test-support/processes/amount-totals-writes.js';
import { spawnRacingWriter } from './test-support/worker-processes.js';

const EVENTS_PER_WRITER = 2_000;
const ACTORS = 20;
// The runner has processed this far when the leader is killed, and goes on this far past it
// (through the new leader) before the node comes back.
const KILL_AFTER = 500;
const PROCESSED_WITHOUT_IT = 600;

const { pool, schema } = testDatabase('r3_leader');

// A cluster node's store: the connection keeps to `preferred` while it is up, then fails over.
async function storeOn(
  cluster: NatsCluster,
  preferred: string,
  storeName: string,
): Promise<JetStreamEventStore> {
  const store = await JetStreamEventStore.connect({
    servers: [preferred, ...cluster.urls.filter((url) => url !== preferred)],
    storeName,
    replicas: 3,
    timeout: 2_000,
    connection: { noRandomize: true, maxReconnectAttempts: -1, reconnectTimeWait: 50 },
  });
  cleanup(() => store.close());
  return store;
}

describe('a projection with PostgreSQL checkpoints on a 3-node cluster, stream with 3 replicas, whose leader is killed mid-run', () => {
  let cluster: NatsCluster;
  beforeAll(async () => {
    cluster = await startNatsCluster({ size: 3 });
    // Cleanup steps run latest first: the cluster goes after the stores and connections on it.
    cleanup(() => cluster.destroy());
    await createAmountTotals(pool, schema);
    await createAppliedEvents(pool, schema);
  }, 60_000);

  it('misses no event and applies none twice while writers on the 3 nodes race on the same actors', {
    timeout: 300_000,
  }, async () => {
    const started = Date.now();
    const nc = await testConnection(cluster.urls);
    const storeName = uniqueTestName('r3pg');
    const store = await JetStreamEventStore.open(nc, { storeName, replicas: 3, timeout: 2_000 });
    cleanup(async () => {
      await store.close();
      if (!nc.isClosed())
        await (await jetstreamManager(nc)).streams.delete(store.stream).catch(() => undefined);
    });
    const leader = await cluster.streamLeader(store.stream);
    // The runner's connection is on the leader: killing it takes the runner's node too.
    const runnerStore = await storeOn(cluster, leader.url, storeName);
    const actorIds = Array.from({ length: ACTORS }, (_, index) => `account-${index}`);
    const writers = cluster.nodes.map((node, index) =>
      spawnRacingWriter({
        servers: [node.url, ...cluster.urls.filter((url) => url !== node.url)],
        storeName,
        replicas: 3,
        actorIds,
        events: EVENTS_PER_WRITER,
        loops: 3,
        writer: `n${index + 1}-writer`,
      }),
    );
    let writing = writers.length;
    for (const writer of writers)
      void writer.finished.then(
        () => writing--,
        () => undefined,
      );
    // Both read models in the batch's transaction, neither idempotent: a replayed batch shows.
    const projection: Projection<Event, pg.PoolClient> = {
      name: 'r3-amount-totals',
      async apply(batch, client) {
        await addToAmountTotals(client, schema, batch);
        await recordApplied(client, schema, batch);
      },
    };
    const runner = runProjection(runnerStore, projection, {
      checkpoints: postgresCheckpoints(pool, { schema }),
      batchSize: 100,
    });

    await runner.whenProcessed(KILL_AFTER, { timeoutMs: 120_000 });
    const killedAt = runner.status().position;
    const writingAtKill = writing;
    await leader.kill('SIGKILL');
    // The writers and the runner go on through the 2 nodes left (a new leader is elected).
    await runner.whenProcessed(killedAt + PROCESSED_WITHOUT_IT, { timeoutMs: 120_000 });
    await leader.restart();
    const reports = await Promise.all(writers.map((writer) => writer.finished));
    await cluster.waitHealthy(60_000);

    const position = await runner.whenCaughtUp({ timeoutMs: 120_000 });
    const log = await readLog(store);
    const applied = await readApplied(pool, schema);
    const sum = (field: string) => reports.reduce((total, report) => total + (report[field] as number), 0);
    console.log(
      `[R3 + PostgreSQL checkpoints] leader ${leader.serverName} killed at position ${killedAt} (${writingAtKill} of 3 writers still writing), ` +
        `${log.length} events from 3 writers on 3 nodes (${sum('conflicts')} conflicts, ${sum('retried')} retried failures); ` +
        `caught up at ${position}: ${applied.length} (actorId, version) rows, ${applied.filter(([, times]) => times !== 1).length} not applied once; ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    // Every acknowledged save is in the log; a few more when a save landed but its acknowledgement
    // was lost with the leader (the writer then saved again): the oracle is the log, not the count.
    expect(sum('saved')).toBe(3 * EVENTS_PER_WRITER);
    expect(log.length).toBeGreaterThanOrEqual(3 * EVENTS_PER_WRITER);
    expect(position).toBe(log.at(-1)?.position);
    expect(applied).toEqual(
      log
        .map(({ event }): [string, number] => [`${event.actorId}@${event.version}`, 1])
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    expect(await readAmountTotals(pool, schema)).toEqual(await amountTotalsOracle(store));
    await runner.stop();
  });
});
