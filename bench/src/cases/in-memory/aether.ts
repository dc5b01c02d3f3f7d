import { randomUUID } from 'node:crypto';
import { type Event, replay } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import type { MemoryPeer, PeerStore } from './peer.js';
import { type AppendStep, addLine, emptyTotals, type OrderLine, orderLine, type Totals } from './workload.js';

export type ItemAdded = Event<'ItemAdded', OrderLine>;

export function toEvent(step: AppendStep): ItemAdded {
  return {
    id: randomUUID(),
    eventType: 'ItemAdded',
    actorId: step.actorId,
    version: step.version,
    data: orderLine(step.seq),
    timestamp: new Date(),
  };
}

const fold = (totals: Totals, event: Event): Totals => addLine(totals, event.data as OrderLine);

/** `InMemoryEventStore`: validates every event, checks `version > latest`, keeps frozen copies. */
export const aether: MemoryPeer = {
  name: 'Aether',
  create(): PeerStore {
    const store = new InMemoryEventStore();
    return {
      prepare(steps) {
        const events = steps.map(toEvent);
        return (index) => store.saveEvent(events[index] as ItemAdded);
      },
      append: (step) => store.saveEvent(toEvent(step)),
      async fill(actorId, count) {
        for (let version = 1; version <= count; version++)
          await store.saveEvent(toEvent({ actorId, version, seq: version }));
      },
      read: async (actorId) => (await store.getEvents(actorId)).length,
      fold: async (actorId) => replay(await store.getEvents(actorId), fold, { initial: emptyTotals }).state,
      latestVersion: (actorId) => store.getLatestVersion(actorId),
    };
  },
};
