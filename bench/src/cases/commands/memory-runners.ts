import { handleCommand } from '@aether/commands';
import { InMemoryEventStore } from '@aether/store-memory';
import { CommandHandler, type Event, getInMemoryEventStore } from '@event-driven-io/emmett';
import type { OrderLine, Totals } from '../in-memory/workload.js';
import { addLine, emptyTotals } from '../in-memory/workload.js';
import type { CommandRunner } from './command-case.js';
import { type AddItem, addItem, decide, history, orderDecider } from './order-decider.js';

const actorOf = (run: number, index: number) => `order-${run}-${index}`;

async function expectVersion(actual: Promise<number>, actorId: string, expected: number): Promise<void> {
  const version = await actual;
  if (version !== expected) throw new Error(`${actorId} is at version ${version}, expected ${expected}`);
}

/** `handleCommand` from `@aether/commands` on a fresh `InMemoryEventStore` per run, default options. */
export function aetherMemoryRunner(historyLength: number): CommandRunner {
  return {
    name: 'Aether',
    async open() {
      let store = new InMemoryEventStore();
      let run = 0;
      return {
        async prepare(runNumber, count) {
          store = new InMemoryEventStore();
          run = runNumber;
          for (let index = 0; index < count; index++)
            await store.saveEvents(history(actorOf(run, index), historyLength));
          const commands = Array.from({ length: count }, (_, index) => addItem(index));
          return (index) =>
            handleCommand(store, actorOf(run, index), commands[index] as AddItem, orderDecider);
        },
        async check(done) {
          for (let index = 0; index < done; index++) {
            const actorId = actorOf(run, index);
            await expectVersion(store.getLatestVersion(actorId), actorId, historyLength + 1);
          }
        },
      };
    },
  };
}

type EmmettItemAdded = Event<'ItemAdded', OrderLine>;

/**
 * Emmett's `CommandHandler` on its `getInMemoryEventStore()`, a fresh one per run: it reads the
 * stream, folds it with `evolve`, runs the handler and appends its events with the read version
 * as `expectedStreamVersion` (retrying on a conflict, which never happens here).
 */
export function emmettMemoryRunner(version: string, historyLength: number): CommandRunner {
  const handle = CommandHandler<Totals, EmmettItemAdded>({
    evolve: (totals, event) => addLine(totals, event.data),
    initialState: () => emptyTotals,
  });
  return {
    name: `Emmett ${version}`,
    async open() {
      let store = getInMemoryEventStore();
      let run = 0;
      return {
        async prepare(runNumber, count) {
          store = getInMemoryEventStore();
          run = runNumber;
          for (let index = 0; index < count; index++) {
            const events = history(actorOf(run, index), historyLength).map(
              (event): EmmettItemAdded => ({ type: 'ItemAdded', data: event.data }),
            );
            await store.appendToStream(actorOf(run, index), events, { expectedStreamVersion: 0n });
          }
          const commands = Array.from({ length: count }, (_, index) => addItem(index));
          return (index) =>
            handle(store, actorOf(run, index), (): EmmettItemAdded => {
              const { data } = decide(commands[index] as AddItem);
              return { type: 'ItemAdded', data };
            });
        },
        async check(done) {
          for (let index = 0; index < done; index++) {
            const actorId = actorOf(run, index);
            const read = store.readStream(actorId).then((result) => Number(result.currentStreamVersion));
            await expectVersion(read, actorId, historyLength + 1);
          }
        },
      };
    },
  };
}
