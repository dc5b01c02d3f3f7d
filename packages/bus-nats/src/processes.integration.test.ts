import { randomUUID } from 'node:crypto';
import type { AnyEvent, SubscribeOptions } from '@aether/core';
import { natsUrl } from '@aether/nats-harness/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { uniquePrefix } from './test-support/nats.js';
import type { Received } from './test-support/processes/protocol.js';
import { BusWorker } from './test-support/worker-processes.js';

// Buses in separate OS processes (node on dist/test-support/processes/bus-worker.js), each on its own
// connection; this process only drives them over IPC and checks what they received.

interface Published {
  namespace: string;
  event: AnyEvent;
  publisher: string;
}

interface Filter {
  key: string;
  pattern: string;
  options?: SubscribeOptions;
  /** Written out by hand, independently of the bus's own matching code. */
  wants(item: Published): boolean;
}

const namespaces = ['tenant-a.orders', 'tenant-a.billing', 'tenant-b.orders', 'tenant-b.billing.eu'];
const types = ['OrderPlaced', 'ItemAdded', 'OrderShipped'];
const actors = [
  'order.eu.1',
  'order.us.2',
  'order 7',
  'überbestellung-😀',
  `long-${'x'.repeat(1500)}`,
  'order.eu.9',
];

const filters: Filter[] = [
  {
    key: 'tenant-a',
    pattern: 'tenant-a.*',
    wants: ({ namespace }) => namespace === 'tenant-a.orders' || namespace === 'tenant-a.billing',
  },
  {
    key: 'tenant-b-placed',
    pattern: 'tenant-b.>',
    options: { eventTypes: ['OrderPlaced'] },
    wants: ({ namespace, event }) => namespace.startsWith('tenant-b.') && event.eventType === 'OrderPlaced',
  },
  {
    key: 'eu-actors',
    pattern: '>',
    options: { actorPattern: 'order.eu.*' },
    wants: ({ event }) => event.actorId === 'order.eu.1' || event.actorId === 'order.eu.9',
  },
  {
    key: 'order-us-2-orders',
    pattern: '*.orders',
    options: { actorPattern: 'order.us.2', eventTypes: ['ItemAdded', 'OrderShipped'] },
    wants: ({ namespace, event }) =>
      namespace.endsWith('.orders') && event.actorId === 'order.us.2' && event.eventType !== 'OrderPlaced',
  },
  { key: 'everything', pattern: '>', wants: () => true },
];

function batch(publisher: string, count: number): Published[] {
  return Array.from({ length: count }, (_, index) => ({
    publisher,
    namespace: namespaces[index % namespaces.length] as string,
    event: {
      id: `${publisher}-${index}-${randomUUID()}`,
      eventType: types[(index * 7) % types.length] as string,
      actorId: actors[(index * 5) % actors.length] as string,
      version: index + 1,
      data: { index, publisher },
      timestamp: new Date(1_700_000_000_000 + index),
    },
  }));
}

const ids = (items: readonly (Published | Received)[]) =>
  items.map((item) => ('event' in item ? item.event.id : item.id));

const started: BusWorker[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((worker) => worker.stop()));
});

async function startWorkers(count: number): Promise<BusWorker[]> {
  const subjectPrefix = uniquePrefix('procs');
  const workers = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      BusWorker.start({ servers: natsUrl(), subjectPrefix, nodeId: `node-${index + 1}` }),
    ),
  );
  started.push(...workers);
  return workers;
}

async function subscribeAll(worker: BusWorker, prefix: string): Promise<void> {
  for (const filter of filters)
    await worker.subscribe(`${prefix}${filter.key}`, filter.pattern, filter.options);
}

/** Every publisher's messages have reached every subscriber's buffers (the conformance suite's settle). */
async function settle(workers: readonly BusWorker[]): Promise<void> {
  for (const subscriber of workers) {
    for (const publisher of workers) {
      await subscriber.flush();
      await publisher.flush();
      await subscriber.flush();
    }
  }
}

describe('NatsEventBus across OS processes', () => {
  it('two processes: events published in one arrive in the other, filtered, once each, in publish order', async () => {
    const [first, second] = (await startWorkers(2)) as [BusWorker, BusWorker];
    expect(first.pid).not.toBe(second.pid);
    await subscribeAll(second, '');
    await subscribeAll(first, '');
    await settle([first, second]);

    const fromFirst = batch('first', 240);
    const fromSecond = batch('second', 60);
    await first.publish(fromFirst);
    await settle([first, second]); // so that "first's events, then second's" is the order everywhere
    await second.publish(fromSecond);
    await settle([first, second]);

    for (const filter of filters) {
      // Both processes get exactly the matching events of both publishers, in publish order: the
      // other's over NATS, their own once, delivered locally.
      const wanted = ids([...fromFirst, ...fromSecond].filter(filter.wants));
      expect(ids(await second.received(filter.key)), `second: ${filter.key}`).toEqual(wanted);
      expect(ids(await first.received(filter.key)), `first: ${filter.key}`).toEqual(wanted);
    }
    // The filters hid something from every subscription but `everything`.
    for (const filter of filters.slice(0, -1))
      expect(fromFirst.filter(filter.wants).length).toBeLessThan(fromFirst.length);
    expect((await second.stats()).malformed).toBe(0);
  }, 120_000);

  it('three processes, two publishing at once: every subscriber gets each event once, in each publisher’s order', async () => {
    const workers = (await startWorkers(3)) as [BusWorker, BusWorker, BusWorker];
    const [first, second, third] = workers;
    for (const worker of workers) await subscribeAll(worker, '');
    await settle(workers);

    const fromFirst = batch('first', 300);
    const fromSecond = batch('second', 300);
    // Both publish at the same time, in slices, so that their messages interleave on the wire.
    const slices = (items: Published[]) =>
      Array.from({ length: 10 }, (_, index) => items.slice(index * 30, index * 30 + 30));
    await Promise.all([
      (async () => {
        for (const slice of slices(fromFirst)) await first.publish(slice);
      })(),
      (async () => {
        for (const slice of slices(fromSecond)) await second.publish(slice);
      })(),
    ]);
    await settle(workers);

    for (const worker of [first, second, third]) {
      for (const filter of filters) {
        const received = await worker.received(filter.key);
        const wanted = [...fromFirst, ...fromSecond].filter(filter.wants);
        expect(received.length, filter.key).toBe(wanted.length);
        expect(new Set(ids(received)).size, `${filter.key}: no duplicates`).toBe(received.length);
        expect(new Set(ids(received)), filter.key).toEqual(new Set(ids(wanted)));
        // Per publisher, the order of publishing.
        for (const [publisher, published] of [
          ['first', fromFirst],
          ['second', fromSecond],
        ] as const) {
          const seen = received.filter((item) => item.id.startsWith(`${publisher}-`));
          expect(ids(seen), `${filter.key} from ${publisher}`).toEqual(ids(published.filter(filter.wants)));
        }
      }
    }
  }, 120_000);
});
