import { EventStore, EventType } from '@castore/core';
import { InMemoryEventStorageAdapter } from '@castore/event-storage-adapter-in-memory';
import type { MemoryPeer, PeerStore } from './peer.js';
import { type AppendStep, emptyTotals, type OrderLine, orderLine, type Totals } from './workload.js';

const itemAdded = new EventType<'ItemAdded', OrderLine>({ type: 'ItemAdded' });

type OrderAggregate = Totals & { aggregateId: string; version: number };

interface ItemAddedDetail {
  aggregateId: string;
  version: number;
  type: 'ItemAdded';
  payload: OrderLine;
}

function toDetail(step: AppendStep): ItemAddedDetail {
  return {
    aggregateId: step.actorId,
    version: step.version,
    type: 'ItemAdded',
    payload: orderLine(step.seq),
  };
}

/** Castore's aggregate carries its id and version; the arithmetic is `addLine`'s, written as one literal. */
function reducer(aggregate: OrderAggregate | undefined, event: ItemAddedDetail): OrderAggregate {
  const totals = aggregate ?? emptyTotals;
  return {
    aggregateId: event.aggregateId,
    version: event.version,
    lines: totals.lines + 1,
    quantity: totals.quantity + event.payload.quantity,
    totalCents: totals.totalCents + event.payload.quantity * event.payload.priceCents,
  };
}

/**
 * `@castore/core` `EventStore` on `InMemoryEventStorageAdapter`. `pushEvent` carries the version;
 * the adapter refuses a version that already exists (found by scanning the actor's events).
 */
export function castore(version: string): MemoryPeer {
  return {
    name: `Castore ${version}`,
    create(): PeerStore {
      const store = new EventStore({
        eventStoreId: 'ORDERS',
        eventTypes: [itemAdded],
        reducer,
        eventStorageAdapter: new InMemoryEventStorageAdapter(),
      });
      return {
        prepare(steps) {
          const details = steps.map(toDetail);
          return (index) => store.pushEvent(details[index] as ItemAddedDetail);
        },
        append: (step) => store.pushEvent(toDetail(step)),
        async fill(actorId, count) {
          for (let version = 1; version <= count; version++)
            await store.pushEvent(toDetail({ actorId, version, seq: version }));
        },
        read: async (actorId) => (await store.getEvents(actorId)).events.length,
        async fold(actorId) {
          const { aggregate } = await store.getAggregate(actorId);
          if (aggregate === undefined) throw new Error(`Castore has no aggregate ${actorId}`);
          return aggregate;
        },
        latestVersion: async (actorId) =>
          (await store.getEvents(actorId, { reverse: true, limit: 1 })).events[0]?.version ?? 0,
      };
    },
  };
}
