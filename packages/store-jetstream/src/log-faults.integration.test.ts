import { randomUUID } from 'node:crypto';
import { type NatsServer, startNatsServer } from '@aether/nats-harness';
import { natsUrl } from '@aether/nats-harness/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JetStreamEventStore } from './jetstream-event-store.js';
import { AppendLog, appendLoop } from './test-support/append-loop.js';
import { fillLog, isEveryPosition, readUntil } from './test-support/log-kit.js';
import { testConnection, testStore, uniqueStoreName } from './test-support/nats.js';
import { spawnLogWriter } from './test-support/worker-processes.js';

const reconnecting = { maxReconnectAttempts: -1, reconnectTimeWait: 50, reconnectJitter: 0 };

describe('a subscription while the server is killed with SIGKILL and restarted', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer();
  });
  afterAll(() => server?.destroy());

  const connect = (storeName: string) =>
    JetStreamEventStore.connect({ servers: server.url, storeName, timeout: 2_000, connection: reconnecting });

  it('in the middle of a catch-up of 100,000 events goes on where it stopped: every position once, in order', async () => {
    const storeName = uniqueStoreName('log-catch-up-kill');
    const writer = await connect(storeName);
    await fillLog(writer, { prefix: `catch-up-${randomUUID()}`, actors: 1_000, events: 100_000 });
    const head = await writer.headPosition();
    const reader = await connect(storeName);
    let restart: Promise<void> | undefined;
    let killedAt = 0;
    // The reader has a few hundred events in hand when the server dies: the longest pause between
    // two events is the outage as the reader sees it.
    let longestPauseMs = 0;
    let last = performance.now();
    const started = last;
    const read = await readUntil(
      reader.subscribe({ live: false }),
      () => false,
      async (_, events) => {
        const now = performance.now();
        longestPauseMs = Math.max(longestPauseMs, now - last);
        last = now;
        if (events.length === 30_000) {
          killedAt = now;
          await server.kill('SIGKILL');
          restart = server.restart();
        }
      },
    );
    await restart;
    console.log(
      `[log catch-up, server killed] 100,000 events read in ${Math.round(performance.now() - started)} ms; ` +
        `the longest pause between two events: ${Math.round(longestPauseMs)} ms`,
    );
    expect(killedAt).toBeGreaterThan(0);
    expect(read).toHaveLength(100_000);
    expect(
      isEveryPosition(
        read.map(({ position }) => position),
        1,
        head,
      ),
    ).toBe(true);
    await Promise.all([reader.close(), writer.close()]);
  }, 180_000);

  it('in the middle of live delivery goes on where it stopped, while writers retry: every position once, in order', async () => {
    const storeName = uniqueStoreName('log-live-kill');
    const writer = await connect(storeName);
    const reader = await connect(storeName);
    const subscription = reader.subscribe({ after: 'end' });
    const start = await subscription.caughtUp;
    const log = new AppendLog();
    const stop = new AbortController();
    const loops = Promise.all(
      Array.from({ length: 4 }, (_, index) =>
        appendLoop({
          store: writer,
          actorId: `live-${index}-${randomUUID()}`,
          count: 1_000_000,
          log,
          signal: stop.signal,
        }),
      ),
    );
    loops.catch(() => undefined);
    let killedAt = 0;
    const read = await readUntil(
      subscription,
      (events) => killedAt > 0 && events.length >= killedAt + 500,
      async (_, events) => {
        if (killedAt === 0 && events.length === 500) {
          killedAt = events.length;
          await server.kill('SIGKILL');
          await server.restart();
        }
      },
    );
    stop.abort();
    await loops;
    // What came after the last event read: the rest of the log, read after the subscription.
    const rest = await readUntil(
      reader.subscribe({ after: read.at(-1)?.position ?? start, live: false }),
      () => false,
    );
    const positions = [...read, ...rest].map(({ position }) => position);
    expect(isEveryPosition(positions, start + 1, await reader.headPosition())).toBe(true);
    expect(log.failures.length).toBeGreaterThan(0);
    await subscription.close();
    await Promise.all([reader.close(), writer.close()]);
  }, 120_000);
});

describe('a writer process killed with SIGKILL in the middle of saveEvents loops', () => {
  it('leaves every batch whole or not at all', async () => {
    const nc = await testConnection();
    const storeName = uniqueStoreName('log-writer-kill');
    const store = await testStore(nc, { storeName });
    const actorIds = Array.from({ length: 4 }, (_, index) => `batches-${index}-${randomUUID()}`);
    const writer = spawnLogWriter({ servers: natsUrl(), storeName, actorIds, batch: 5, batches: 0 });
    const acknowledged = new Map<string, number>();
    let saved = 0;
    const enough = new Promise<void>((resolve) =>
      writer.onMessage((message) => {
        const { actorId, version } = message as { type: string; actorId?: string; version?: number };
        if (message.type !== 'saved' || actorId === undefined || version === undefined) return;
        acknowledged.set(actorId, version);
        if (++saved === 200) resolve();
      }),
    );
    await writer.ready;
    writer.start();
    await enough;
    await writer.kill('SIGKILL');
    for (const actorId of actorIds) {
      const versions = (await store.getEvents(actorId)).map((event) => event.version);
      expect(versions.length % 5, `${actorId} holds whole batches`).toBe(0);
      expect(versions).toEqual(versions.map((_, index) => index + 1));
      expect(versions.length).toBeGreaterThanOrEqual(acknowledged.get(actorId) ?? 0);
    }
    const byPosition = new Map<number, number>();
    for (const { position } of await store.readAll())
      byPosition.set(position, (byPosition.get(position) ?? 0) + 1);
    expect([...byPosition.values()].every((count) => count === 5)).toBe(true);
  }, 60_000);
});
