import { type ItemAdded, toEvent } from './aether.js';
import type { MemoryPeer, PeerStore } from './peer.js';
import { addLine, emptyTotals, type OrderLine, type Totals } from './workload.js';

/**
 * What an append costs at least in plain JavaScript, as two hand-written stores beside the
 * libraries: each keeps every actor's events in an array in a Map with its latest version, refuses
 * `version <= latest` as Aether does, and answers with one settled promise. Neither validates the
 * event. They are references for the append cases, not stores to use:
 *
 * - `copy` keeps a frozen copy of the event (its `data` a frozen shallow copy, enough for the flat
 *   order line; its time as a number): the least a store must do so that changing the saved object
 *   afterwards cannot change history, Aether's promise.
 * - `shared` keeps the caller's object itself, as Emmett and Castore do with `data`: whoever holds
 *   it can rewrite history.
 */
export const handWrittenCopy = handWritten('hand-written frozen copy', (event) =>
  Object.freeze({
    id: event.id,
    eventType: event.eventType,
    actorId: event.actorId,
    version: event.version,
    data: Object.freeze({ ...event.data }),
    time: event.timestamp.getTime(),
  }),
);

export const handWrittenShared = handWritten('hand-written, keeps the caller’s object', (event) => event);

interface Kept {
  readonly version: number;
  readonly data: OrderLine;
}

interface History {
  readonly events: Kept[];
  version: number;
}

const settled: Promise<void> = Promise.resolve();

function handWritten(name: string, keep: (event: ItemAdded) => Kept): MemoryPeer {
  return {
    name,
    create(): PeerStore {
      const actors = new Map<string, History>();
      const log: Kept[] = [];
      const save = (event: ItemAdded): Promise<void> => {
        const history = actors.get(event.actorId);
        if (history !== undefined && event.version <= history.version)
          return Promise.reject(new Error(`${event.actorId}: version ${event.version} is taken`));
        const kept = keep(event);
        log.push(kept);
        if (history === undefined) actors.set(event.actorId, { events: [kept], version: event.version });
        else {
          history.events.push(kept);
          history.version = event.version;
        }
        return settled;
      };
      const eventsOf = (actorId: string) => actors.get(actorId)?.events ?? [];
      return {
        prepare(steps) {
          const events = steps.map(toEvent);
          return (index) => save(events[index] as ItemAdded);
        },
        append: (step) => save(toEvent(step)),
        async fill(actorId, count) {
          for (let version = 1; version <= count; version++)
            await save(toEvent({ actorId, version, seq: version }));
        },
        read: async (actorId) => eventsOf(actorId).slice().length,
        fold: async (actorId) =>
          eventsOf(actorId).reduce<Totals>((totals, event) => addLine(totals, event.data), emptyTotals),
        latestVersion: async (actorId) => actors.get(actorId)?.version ?? 0,
      };
    },
  };
}
