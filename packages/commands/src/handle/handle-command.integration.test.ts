import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dropStoreStreamsAfterAll, natsUrl } from '@aether/nats-harness/vitest';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { describe, expect, it } from 'vitest';
import { orderDecider } from '../test-support/domain/order.js';
import { COMMAND_WORKER, startCommandWorker } from '../test-support/worker-processes.js';
import { handleCommand } from './handle-command.js';

const dropAfterAll = dropStoreStreamsAfterAll();

async function openStore(label: string) {
  const options = { storeName: `t-cmd-${label}-${randomUUID().slice(0, 8)}` };
  const store = await JetStreamEventStore.connect({ servers: natsUrl(), ...options });
  dropAfterAll(store.stream);
  return { store, options };
}

describe('handleCommand on JetStream', () => {
  it('the worker has been built', () => {
    expect(existsSync(COMMAND_WORKER), `${COMMAND_WORKER} (run the build first)`).toBe(true);
  });

  it('4 OS processes, 25 commands each, one hot actor: contiguous versions, every command applied exactly once', async () => {
    const { store, options } = await openStore('procs');
    try {
      const actorId = `order-${randomUUID()}`;
      await handleCommand(store, actorId, { type: 'PlaceOrder', customer: 'Ada' }, orderDecider);
      const writers = 4;
      const commands = 25;
      const workers = Array.from({ length: writers }, (_, index) =>
        startCommandWorker({ servers: natsUrl(), store: options, actorId, writer: `p${index}`, commands }),
      );
      await Promise.all(workers.map((worker) => worker.ready));
      for (const worker of workers) worker.child.stdin?.end('go\n');
      const reports = await Promise.all(workers.map((worker) => worker.done));

      const stored = await store.getEvents(actorId);
      const total = 1 + writers * commands;
      expect(stored.map((event) => event.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      // Every command's unique id is the causation id of exactly one stored event, and its line once.
      const causes = stored.slice(1).map((event) => event.metadata?.causationId);
      const expectedCauses = reports.flatMap((report) =>
        Array.from({ length: commands }, (_, seq) => `cmd-${report.writer}-${seq + 1}`),
      );
      expect([...causes].sort()).toEqual([...expectedCauses].sort());
      const lines = stored.slice(1).map((event) => event.data.lineId);
      expect(new Set(lines).size).toBe(writers * commands);
      // Each process's commands landed in its own order, at the versions it was told.
      for (const report of reports) {
        const own = stored.filter((event) => String(event.data.lineId).startsWith(`${report.writer}-`));
        expect(own.map((event) => event.data.lineId)).toEqual(
          Array.from({ length: commands }, (_, seq) => `${report.writer}-${seq + 1}`),
        );
        expect(own.map((event) => event.version)).toEqual(report.versions);
      }
      const { state } = await handleCommand(
        store,
        actorId,
        { type: 'PlaceOrder', customer: 'Ada' },
        orderDecider,
      );
      expect(state.items).toBe(writers * commands);
      // The writers really did collide, or this test would prove nothing.
      expect(reports.reduce((sum, report) => sum + report.retries, 0)).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('snapshots every 10 events into the KV bucket, and loads from them', async () => {
    const { store } = await openStore('snap');
    try {
      const actorId = `order-${randomUUID()}`;
      const snapshots: number[] = [];
      for (let n = 1; n <= 25; n++) {
        const result = await handleCommand(
          store,
          actorId,
          { type: 'AddItem', sku: 'TEA', quantity: 1 },
          orderDecider,
          { snapshotEvery: 10 },
        );
        if (result.snapshotVersion !== undefined) snapshots.push(result.snapshotVersion);
        expect(result.state.items).toBe(n);
      }
      expect(snapshots).toEqual([10, 20]);
      expect(await store.getLatestSnapshot(actorId)).toMatchObject({ version: 20, state: { items: 20 } });
    } finally {
      await store.close();
    }
  });

  it('stores the events of one decision as one batch', async () => {
    const { store } = await openStore('batch');
    try {
      const actorId = `order-${randomUUID()}`;
      const command = { type: 'PlaceAndAdd', customer: 'Ada', sku: 'TEA' } as const;
      const result = await handleCommand(store, actorId, command, orderDecider);
      expect(result.version).toBe(2);
      const log = await store.readAll();
      const ours = log.filter(({ event }) => event.actorId === actorId);
      expect(ours.map(({ position }) => position)).toEqual([1, 1]);
    } finally {
      await store.close();
    }
  });

  it('refuses a decision the store cannot keep with a ValidationError, storing nothing', async () => {
    const { store } = await openStore('invalid');
    try {
      const actorId = `order-${randomUUID()}`;
      const broken = {
        ...orderDecider,
        decide: () => [{ eventType: 'OrderPlaced', data: { at: new Date() } }],
      };
      const attempt = handleCommand(store, actorId, { type: 'PlaceOrder', customer: 'Ada' }, broken as never);
      await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'events[0].data.at' });
      expect(await store.getLatestVersion(actorId)).toBe(0);
    } finally {
      await store.close();
    }
  });
});
