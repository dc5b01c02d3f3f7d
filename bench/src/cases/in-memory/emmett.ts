import { type Event, getInMemoryEventStore } from '@event-driven-io/emmett';
import type { MemoryPeer, PeerStore } from './peer.js';
import { type AppendStep, addLine, emptyTotals, type OrderLine, orderLine, type Totals } from './workload.js';

type ItemAdded = Event<'ItemAdded', OrderLine>;

interface Append {
  readonly stream: string;
  readonly events: ItemAdded[];
  readonly expectedStreamVersion: bigint;
}

function toAppend(step: AppendStep): Append {
  return {
    stream: step.actorId,
    events: [{ type: 'ItemAdded', data: orderLine(step.seq) }],
    expectedStreamVersion: BigInt(step.version - 1),
  };
}

/**
 * `getInMemoryEventStore()`. Emmett checks concurrency only when given `expectedStreamVersion`
 * (its default is no check); we always pass the exact current version, as a careful user would.
 */
export function emmett(version: string): MemoryPeer {
  return {
    name: `Emmett ${version}`,
    create(): PeerStore {
      const store = getInMemoryEventStore();
      const append = ({ stream, events, expectedStreamVersion }: Append) =>
        store.appendToStream(stream, events, { expectedStreamVersion });
      return {
        prepare(steps) {
          const appends = steps.map(toAppend);
          return (index) => append(appends[index] as Append);
        },
        append: (step) => append(toAppend(step)),
        async fill(actorId, count) {
          // One call with every event: Emmett copies the stream on each append, so one at a time is O(n²).
          const events = Array.from({ length: count }, (_, index) =>
            toAppend({ actorId, version: index + 1, seq: index + 1 }),
          );
          await store.appendToStream(
            actorId,
            events.flatMap((item) => item.events),
            { expectedStreamVersion: 0n },
          );
        },
        read: async (actorId) => (await store.readStream(actorId)).events.length,
        fold: async (actorId) =>
          (
            await store.aggregateStream<Totals, ItemAdded>(actorId, {
              evolve: (totals: Totals, event: ItemAdded) => addLine(totals, event.data),
              initialState: () => emptyTotals,
            })
          ).state,
        latestVersion: async (actorId) => Number((await store.readStream(actorId)).currentStreamVersion),
      };
    },
  };
}
