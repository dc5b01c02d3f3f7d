import { randomUUID } from 'node:crypto';
import { decodeEvent } from '@aether/core/adapter';
import { type NatsCluster, startNatsCluster } from '@aether/nats-harness';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JetStreamEventStore } from './jetstream-event-store.js';
import { AppendLog, appendLoop, countByCode } from './test-support/append-loop.js';
import { readRetrying, streamLeader } from './test-support/cluster.js';
import { makeEvent, uniqueStoreName } from './test-support/nats.js';

describe('a 3-node JetStream cluster, stream with 3 replicas', () => {
  let cluster: NatsCluster;
  const connections: NatsConnection[] = [];
  const connectTo = async (servers: string | string[]) => {
    const nc = await connect({ servers, maxReconnectAttempts: -1, reconnectTimeWait: 50 });
    connections.push(nc);
    return nc;
  };
  beforeAll(async () => {
    cluster = await startNatsCluster({ size: 3 });
  });
  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close().catch(() => undefined)));
    await cluster?.destroy();
  });

  it('a direct get on a follower can miss an acknowledged append; getLatestVersion and getEvents never do', async () => {
    const storeName = uniqueStoreName('stale');
    const setup = await JetStreamEventStore.open(await connectTo(cluster.urls), { storeName, replicas: 3 });
    const jsm = await jetstreamManager(await connectTo(cluster.urls));
    const leader = await streamLeader(cluster, jsm, setup.stream);
    // The writer talks to the leader, a reader to each follower: a reader's direct gets are
    // answered by its follower once that is current (the server prefers a local responder). The
    // leader acknowledges once one follower has the append, so the other is the one that lags.
    const writer = await JetStreamEventStore.open(await connectTo(leader.url), { storeName, replicas: 3 });
    const readers = await Promise.all(
      cluster.nodes
        .filter((node) => node !== leader)
        .map(async (follower) => {
          const nc = await connectTo(follower.url);
          const store = await JetStreamEventStore.open(nc, { storeName, replicas: 3 });
          return { store, jsm: await jetstreamManager(nc) };
        }),
    );
    const actorId = `stale-${randomUUID()}`;
    const subject = writer.subjectFor(actorId);

    // Until a direct get answered stale at least 3 times and at least 300 appends were read, 40 s at
    // most: about one read in twenty is stale on an idle machine, fewer when it is busy, where a
    // round takes several times longer (one run beside another test run: 0 of 102 in 10 s).
    const deadline = Date.now() + 40_000;
    let rounds = 0;
    let staleDirect = 0;
    let staleLatest = 0;
    let staleEvents = 0;
    while ((staleDirect < 3 || rounds < 300) && Date.now() < deadline) {
      const version = ++rounds;
      await writer.saveEvent(makeEvent(actorId, version));
      // Right after the acknowledgement, both reads through each follower at the same moment.
      const reads = await Promise.all(
        readers.map(({ store, jsm }) =>
          Promise.all([
            store.getLatestVersion(actorId),
            jsm.direct.getMessage(store.stream, { last_by_subj: subject }),
          ]),
        ),
      );
      for (const [latest, direct] of reads) {
        if (latest !== version) staleLatest++;
        if (direct === null || decodeEvent(direct.data).version < version) staleDirect++;
      }
      if (version % 10 === 0) {
        for (const { store } of readers)
          if ((await store.getEvents(actorId)).length !== version) staleEvents++;
      }
    }
    console.log(
      `[R3 reads] ${rounds} appends on the leader, each read at once through both followers: ` +
        `raw direct get stale ${staleDirect} times; getLatestVersion stale ${staleLatest} times; ` +
        `getEvents short ${staleEvents} times (of ${2 * Math.floor(rounds / 10)})`,
    );
    expect(staleLatest).toBe(0);
    expect(staleEvents).toBe(0);
    // The premise, shown on nats-server 2.9: a follower answers direct gets with what it has applied.
    expect(
      staleDirect,
      'no direct get lagged: the README note on direct gets may be outdated',
    ).toBeGreaterThan(0);
    for (const store of [setup, writer, ...readers.map(({ store }) => store)]) await store.close();
  }, 60_000);

  it('loses and duplicates nothing when the stream leader is killed mid-append; appends resume after the election', async () => {
    const storeName = uniqueStoreName('election');
    const timeout = 1000;
    const store = await JetStreamEventStore.connect({
      servers: cluster.urls,
      storeName,
      replicas: 3,
      timeout,
      connection: { maxReconnectAttempts: -1, reconnectTimeWait: 50, reconnectJitter: 0 },
    });
    const jsm = await jetstreamManager(await connectTo(cluster.urls));
    const leader = await streamLeader(cluster, jsm, store.stream);
    const actorIds = Array.from({ length: 3 }, (_, index) => `election-${index}-${randomUUID()}`);
    const log = new AppendLog();
    const stop = new AbortController();
    try {
      const loops = Promise.all(
        actorIds.map((actorId) =>
          appendLoop({ store, actorId, count: Number.MAX_SAFE_INTEGER, log, signal: stop.signal }),
        ),
      );
      loops.catch(() => undefined); // awaited below

      await log.until(() => log.acked.length >= 100);
      const ackedBeforeKill = log.acked.length;
      const killedAt = performance.now();
      await leader.kill('SIGKILL');
      // Appends fail during the election, then resume: wait for 50 acknowledgements after a failure.
      await log.until(() => {
        const since = log.failures[0]?.at ?? killedAt;
        return log.ackedAt.filter((at) => at > since).length >= 50;
      });
      stop.abort();
      await loops;

      const firstFailureAt = log.failures[0]?.at ?? Number.NaN;
      const resumedAt = log.ackedAt.find((at) => at > firstFailureAt) ?? Number.NaN;
      const unavailableMs = Math.round(resumedAt - firstFailureAt);
      const newLeader = await streamLeader(cluster, jsm, store.stream, { not: leader.serverName });
      expect(log.failures.every((failure) => failure.retryable)).toBe(true);

      // Read back through a fresh connection to a surviving node: every acknowledged event once,
      // at the version it was acknowledged with, and no other event. For a while after a node dies
      // the cluster still places some ordered consumers on it (about 1 in 3 on nats-server 2.9):
      // such a read times out (retryable) and is made again.
      // The meta leader may have died too: wait until the survivors agree on one (/healthz).
      await cluster.waitHealthy();
      const readerNc = await connectTo(newLeader.url);
      const opened = await readRetrying(() =>
        JetStreamEventStore.open(readerNc, { storeName, replicas: 3, timeout }),
      );
      const reader = opened.value;
      let failedReads = opened.failedAttempts;
      for (const actorId of actorIds) {
        const { value: stored, failedAttempts } = await readRetrying(() => reader.getEvents(actorId));
        failedReads += failedAttempts;
        const acked = log.acked.filter((event) => event.actorId === actorId);
        expect(stored.map((event) => event.id)).toEqual(acked.map((event) => event.id));
        expect(stored.map((event) => event.version)).toEqual(acked.map((_, index) => index + 1));
        expect(new Set(stored.map((event) => event.id)).size).toBe(stored.length);
      }
      await reader.close();

      console.log(
        `[leader killed] stream leader ${leader.serverName} (pid ${leader.pid}) killed after ${ackedBeforeKill} acknowledged appends; ` +
          `appends failed for ${unavailableMs} ms (first failure to first success after it; ` +
          `${Math.round(resumedAt - killedAt)} ms from the kill); new leader ${newLeader.serverName}; ` +
          `failures by code ${JSON.stringify(countByCode(log.failures))}; ` +
          `${log.retriedUncertain.size} saves retried after "may or may not have been stored"; ` +
          `${log.acked.length} events acknowledged and read back exactly once ` +
          `(${failedReads} reads timed out first and were retried)`,
      );
    } finally {
      stop.abort();
      await store.close();
    }
  }, 120_000);
});
