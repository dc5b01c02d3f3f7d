import { randomUUID } from 'node:crypto';
import { type NatsCluster, type NatsServer, startNatsCluster } from '@aether/nats-harness';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLLOWS_HEADER } from './history/follows.js';
import { JetStreamEventStore } from './jetstream-event-store.js';
import { AppendLog } from './test-support/append-loop.js';
import { readRetrying, streamLeader } from './test-support/cluster.js';
import { fillLog, isEveryPosition, readUntil } from './test-support/log-kit.js';
import { makeEvent, uniqueStoreName } from './test-support/nats.js';
import { racingWriter } from './test-support/processes/racing-writer.js';
import { expectRaceOutcome } from './test-support/race-outcome.js';
import { spawnAppendWorker } from './test-support/worker-processes.js';

// nats-server 2.9 can accept two appends to a replicated stream that expected the same last
// subject sequence (nats-server issue #4320): writers on different nodes racing on one actor
// showed it within seconds. These tests hold the store to one event per version all the same.
describe('writers on different nodes of a 3-node cluster racing on one actor of a stream with 3 replicas', () => {
  let cluster: NatsCluster;
  const connections: NatsConnection[] = [];
  // Each writer prefers its own node and fails over to the others.
  const connectTo = async (node: NatsServer) => {
    const others = cluster.urls.filter((url) => url !== node.url);
    const nc = await connect({
      servers: [node.url, ...others],
      noRandomize: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 50,
    });
    connections.push(nc);
    return nc;
  };
  const openStores = async (storeName: string, options: { timeout?: number } = {}) => {
    // One after the other: the first creates the stream, the others find it.
    const stores: JetStreamEventStore[] = [];
    for (const node of cluster.nodes) {
      stores.push(
        await JetStreamEventStore.open(await connectTo(node), { storeName, replicas: 3, ...options }),
      );
    }
    return stores;
  };

  beforeAll(async () => {
    cluster = await startNatsCluster({ size: 3 });
  });
  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close().catch(() => undefined)));
    await cluster?.destroy();
  });

  it('acknowledge each version to one writer only, and every acknowledged save is read back at its version (3 rounds)', async () => {
    const stores = await openStores(uniqueStoreName('race'));
    const outcomes = [];
    for (let round = 1; round <= 3; round++) {
      const actorId = `race-${round}-${randomUUID()}`;
      const reports = await Promise.all(
        stores.map((store, index) =>
          racingWriter({ store, actorId, worker: `r${round}w${index + 1}`, count: 100 }),
        ),
      );
      outcomes.push(await expectRaceOutcome(stores[0] as JetStreamEventStore, actorId, reports));
    }
    console.log(`[R3 race, 3 writers on 3 nodes, 300 saves per round] ${JSON.stringify(outcomes)}`);
    expect(outcomes.every((outcome) => outcome.conflicts > 0)).toBe(true);
    for (const store of stores) await store.close();
  }, 360_000);

  it('hold with 4 writer processes, each on a node of its own choosing', async () => {
    const storeName = uniqueStoreName('race-processes');
    const [store] = await openStores(storeName);
    const actorId = `race-processes-${randomUUID()}`;
    const workers = Array.from({ length: 4 }, (_, index) => {
      const node = cluster.nodes[index % cluster.nodes.length] as NatsServer;
      return spawnAppendWorker({
        servers: [node.url, ...cluster.urls.filter((url) => url !== node.url)],
        storeName,
        replicas: 3,
        actorId,
        worker: `p${index + 1}`,
        count: 100,
      });
    });
    await Promise.all(workers.map((worker) => worker.ready));
    for (const worker of workers) worker.start();
    const reports = await Promise.all(workers.map((worker) => worker.report));
    const outcome = await expectRaceOutcome(store as JetStreamEventStore, actorId, reports);
    console.log(`[R3 race, 4 processes] ${JSON.stringify(outcome)}`);
    expect(outcome.events).toBe(400);
  }, 360_000);

  it('hold when the stream leader is killed mid-run and restarted', async () => {
    const storeName = uniqueStoreName('race-leader');
    const timeout = 1000;
    const stores = await openStores(storeName, { timeout });
    const jsm = await jetstreamManager(connections[0] as NatsConnection);
    const leader = await streamLeader(cluster, jsm, stores[0]?.stream as string);
    const actorId = `race-leader-${randomUUID()}`;
    const log = new AppendLog();
    const stop = new AbortController();
    const runs = Promise.all(
      stores.map((store, index) =>
        racingWriter({
          store,
          actorId,
          worker: `w${index + 1}`,
          count: Number.MAX_SAFE_INTEGER,
          signal: stop.signal,
          onAck: (event) => log.recordAck(event),
        }),
      ),
    );
    // Waits for the writers' progress, failing at once should a writer fail.
    const acked = (count: number) =>
      Promise.race([
        log.until(() => log.acked.length >= count),
        runs.then(() => Promise.reject(new Error('the writers stopped early'))),
      ]);
    await acked(100);
    await leader.kill('SIGKILL');
    await acked(200);
    await leader.restart();
    await acked(log.acked.length + 100);
    stop.abort();
    const reports = await runs;

    await cluster.waitHealthy();
    const open = () =>
      JetStreamEventStore.open(connections[0] as NatsConnection, { storeName, replicas: 3, timeout });
    const reader = (await readRetrying(open)).value;
    const { value: outcome } = await readRetrying(() => expectRaceOutcome(reader, actorId, reports));
    const retryable = reports.reduce((sum, report) => sum + report.retryableErrors, 0);
    console.log(
      `[R3 race, leader ${leader.serverName} killed after 100 saves, restarted after 200] ${JSON.stringify(outcome)}, ` +
        `${retryable} retryable failures retried`,
    );
    for (const store of [...stores, reader]) await store.close();
  }, 240_000);

  it('leave out a save that lost a race, in every read, and save after it at the next version', async () => {
    const [writer] = (await openStores(uniqueStoreName('race-injected'))) as [JetStreamEventStore];
    const actorId = `injected-${randomUUID()}`;
    const subject = writer.subjectFor(actorId);
    const first = makeEvent(actorId, 1);
    await writer.saveEvent(first);
    const jsm = await jetstreamManager(connections[0] as NatsConnection);
    const firstSeq = (await jsm.streams.getMessage(writer.stream, { last_by_subj: subject }))?.seq;
    const winner = makeEvent(actorId, 2);
    await writer.saveEvent(winner);
    // What the server let through in a race: a second version 2 that also followed version 1,
    // published as the store publishes it, but without the server's expectation (which the
    // server would refuse now that it has applied the winner).
    const loser = makeEvent(actorId, 2);
    const h = headers();
    h.set('Nats-Msg-Id', loser.id);
    h.set(FOLLOWS_HEADER, String(firstSeq));
    await jetstream(connections[0] as NatsConnection).publish(subject, JSON.stringify(loser), { headers: h });

    // A store in another process (no caches), on another node.
    const reader = await JetStreamEventStore.open(connections[1] as NatsConnection, {
      storeName: writer.config.storeName,
      replicas: 3,
    });
    expect(await reader.getLatestVersion(actorId)).toBe(2);
    const read = await reader.getEventsWithErrors(actorId);
    expect(read.events).toEqual([first, winner]);
    expect(read.errors).toEqual([]);
    expect(read.rejected).toEqual([{ sequenceNumber: expect.any(Number), eventId: loser.id, version: 2 }]);

    // Version 2 is taken; version 3 follows the loser's message, and may reuse its id: the
    // loser's message is no use of it.
    await expect(reader.saveEvent(makeEvent(actorId, 2))).rejects.toMatchObject({ currentVersion: 2 });
    const third = makeEvent(actorId, 3, { id: loser.id });
    await reader.saveEvent(third);
    expect(await writer.getEvents(actorId)).toEqual([first, winner, third]);
    await reader.close();
  }, 30_000);

  it('never deliver a save that lost a race in readAll or subscribe, whatever position they start from', async () => {
    const [writer] = (await openStores(uniqueStoreName('race-log'))) as [JetStreamEventStore];
    const actorId = `log-injected-${randomUUID()}`;
    const subject = writer.subjectFor(actorId);
    const jsm = await jetstreamManager(connections[0] as NatsConnection);
    const seqOfLast = async () =>
      (await jsm.streams.getMessage(writer.stream, { last_by_subj: subject }))?.seq;
    // Another actor's messages in between, so that readers meet this actor's among others.
    const other = `log-other-${randomUUID()}`;
    await writer.saveEvent(makeEvent(actorId, 1));
    const firstSeq = await seqOfLast();
    await writer.saveEvent(makeEvent(other, 1));
    await writer.saveEvent(makeEvent(actorId, 2));
    await writer.saveEvent(makeEvent(other, 2));
    const loser = makeEvent(actorId, 2);
    const h = headers();
    h.set('Nats-Msg-Id', loser.id);
    h.set(FOLLOWS_HEADER, String(firstSeq));
    await jetstream(connections[0] as NatsConnection).publish(subject, JSON.stringify(loser), { headers: h });
    await writer.saveEvent(makeEvent(actorId, 3));

    const reader = await JetStreamEventStore.open(connections[1] as NatsConnection, {
      storeName: writer.config.storeName,
      replicas: 3,
    });
    const head = await reader.headPosition();
    const everything = await reader.readAll();
    expect(
      everything.map(({ event }) => [event.actorId === actorId ? 'actor' : 'other', event.version]),
    ).toEqual([
      ['actor', 1],
      ['other', 1],
      ['actor', 2],
      ['other', 2],
      ['actor', 3],
    ]);
    expect(everything.some(({ event }) => event.id === loser.id)).toBe(false);
    for (let after = 0; after <= head; after++) {
      // A new store each time: no subject is known to it, so the server's word is needed.
      const fresh = await JetStreamEventStore.open(connections[2] as NatsConnection, {
        storeName: writer.config.storeName,
        replicas: 3,
      });
      const expected = everything.filter(({ position }) => position > after);
      expect(await fresh.readAll({ after }), `readAll after ${after}`).toEqual(expected);
      const subscribed = [];
      for await (const recorded of fresh.subscribe({ after, live: false })) subscribed.push(recorded);
      expect(subscribed, `subscribe after ${after}`).toEqual(expected);
      await fresh.close();
    }
    await reader.close();
  }, 60_000);

  it('let a subscription catching up go on with no gap and no duplicate when the stream leader is killed', async () => {
    const storeName = uniqueStoreName('log-leader');
    // The log is filled before any fault, with room for a busy machine; the reader keeps a short
    // answer timeout, so it notices the dead leader quickly.
    const [writer] = (await openStores(storeName, { timeout: 30_000 })) as [JetStreamEventStore];
    const [, reader] = (await openStores(storeName, { timeout: 2_000 })) as [
      JetStreamEventStore,
      JetStreamEventStore,
    ];
    await fillLog(writer, { prefix: `leader-${randomUUID()}`, actors: 200, events: 6_000, inFlight: 200 });
    const head = await writer.headPosition();
    const jsm = await jetstreamManager(connections[0] as NatsConnection);
    const leader = await streamLeader(cluster, jsm, writer.stream);
    let killed = false;
    const read = await readUntil(
      reader.subscribe({ live: false }),
      () => false,
      async (_, events) => {
        if (!killed && events.length === 1_500) {
          killed = true;
          await leader.kill('SIGKILL');
        }
      },
    );
    await leader.restart();
    await cluster.waitHealthy();
    expect(killed).toBe(true);
    expect(
      isEveryPosition(
        read.map(({ position }) => position),
        1,
        head,
      ),
    ).toBe(true);
  }, 120_000);
});
