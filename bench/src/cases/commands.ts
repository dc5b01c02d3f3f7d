import type { BenchGroup } from '../model.js';
import { formatCount as count, describeRuns as runs } from '../report/format.js';
import { defaultPlan } from '../run/measure.js';
import { pinnedVersion } from '../run/peer-versions.js';
import { commandCase } from './commands/command-case.js';
import { aetherMemoryRunner, emmettMemoryRunner } from './commands/memory-runners.js';

const actors = 1_000;
const historyLength = 10;
/**
 * A set of 1,000 commands takes a few milliseconds, where one collection more or less moves the
 * figure by a fifth: a run commands ten sets of fresh actors (each prepared untimed) and its figure
 * is over all 10,000. V8 tiers the command path of either library up over the first few
 * thousand commands (measured 2026-12-04: Aether's first sets took 28, 15, 10 and 9 ms, later ones
 * 4–6 ms), which the warm-up runs cover. A process then settles at about 3.5 or about 6 µs per
 * command and stays there (no collection or deoptimisation in the slow sets), so each contender is
 * measured in three fresh processes.
 */
const rounds = 10;
const plan = { ...defaultPlan, warmups: 2, repetitions: 3, processes: 3 };

/** `handleCommand` from `@aether/commands` against Emmett's `CommandHandler`, both in memory (issue 13). */
export const commandsGroup: BenchGroup = {
  name: 'commands',
  title: 'Command handling in memory',
  notes: [
    `Aether and Emmett in the same run, each in its own fresh Node process, taking turns run by run; ${runs(plan)}, a run capped at ${plan.maxSeconds} s of timed work. A run is ${count(rounds)} sets of ${count(actors)} commands (a set alone takes a few milliseconds, which one collection more or less moves by a fifth): each set starts from a fresh store and gives ${count(actors)} actors ${count(historyLength)} events each (untimed: Aether \`saveEvents\`, Emmett one \`appendToStream\` per actor), then times one awaited command per actor: load the actor, fold its ${count(historyLength)} events, decide (one \`ItemAdded\` event, the in-memory group's order line, folded with the same \`addLine\`), append that event with the loaded version as the expected one. commands/s counts the commands done; afterwards every commanded actor must be at version ${historyLength + 1}.`,
    '**Aether** `handleCommand(store, actorId, command, decider)` on `InMemoryEventStore` with default options: it loads the actor (its latest snapshot, which this store keeps and these actors do not have, and its events, asked for together), decides, stamps the event (a UUID v7 id, the actor, the next version, a timestamp, correlation and causation ids in its metadata), appends with `saveEvents` (validated, version-checked), evolves the state once more for the result, and would retry a version conflict through `@aether/retry` (which it sets up only once an attempt has failed).',
    '**Emmett** `CommandHandler({ evolve, initialState })(store, actorId, handle)` on `getInMemoryEventStore()`: it reads and folds the stream (`aggregateStream`), runs `handle(state)` (returning the same event), and appends it with `appendToStream` and the read version as `expectedStreamVersion`; it stamps no ids, timestamps or metadata of its own and does not validate events. Its in-memory append copies the stream and sums the lengths of every stream for the global position, so it grows with the number of actors in the store.',
  ],
  async open() {
    return {
      cases: [
        commandCase({
          id: 'command-10-event-actor',
          title: `handle a command on an actor with ${count(historyLength)} events (load, decide, append one), ${count(actors)} actors, each awaited`,
          short: `command on a ${count(historyLength)}-event actor`,
          actors,
          rounds,
          subject: aetherMemoryRunner(historyLength),
          baselines: [emmettMemoryRunner(pinnedVersion('@event-driven-io/emmett'), historyLength)],
          targets: [{ against: `Emmett ${pinnedVersion('@event-driven-io/emmett')}`, min: 5 }],
          plan,
        }),
      ],
    };
  },
};
