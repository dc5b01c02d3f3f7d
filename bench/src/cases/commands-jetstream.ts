import type { BenchGroup } from '../model.js';
import { formatCount as count } from '../report/format.js';
import { openBenchNats } from '../run/nats-server.js';
import { commandCase } from './commands/command-case.js';
import { byHandName, jetstreamCommandRunners } from './commands/jetstream-runners.js';
import { snapshotLoadCase, snapshotLoadName } from './commands/snapshot-load-case.js';
import { openStreamGroup } from './jetstream/open-group.js';

const actors = 300;
const historyLength = 10;
const snapshots = { every: 100, long: 10_000, short: 10 };

/** `handleCommand` on the JetStream store against the loop it replaces, and its snapshot policy (issue 13). */
export const commandsJetstreamGroup: BenchGroup = {
  name: 'commands-jetstream',
  title: 'Command handling on JetStream',
  notes: [
    `Against the one \`nats-server -js\` the bench starts (or \`NATS_URL\`), each contender in its own fresh Node process with its own connection and stream (created like the JetStream group's), taking turns run by run.`,
    `\`handleCommand\` against the loop it replaces: each run gives ${count(actors)} fresh actors ${count(historyLength)} events each (untimed, one \`saveEvents\` per actor, on the same store instance the commands then use), then times one awaited command per actor (a run stops after 5 s). **${byHandName}**: \`retry\` from \`@aether/retry\` with \`retryOn: isVersionConflict\` (the policy \`handleCommand\` uses by default) around \`getEvents\`, \`replay\`, the same decision, an event with a \`crypto.randomUUID()\` id and \`saveEvent\`. **Aether** (\`handleCommand\`): default options, which also load the actor's latest snapshot (the JetStream store keeps them), stamp a UUID v7 id and correlation and causation ids, and append with \`saveEvents\`.`,
    `Snapshots: one actor with ${count(snapshots.long)} events and one with ${count(snapshots.short)} (written untimed in batches of 100, then one command with \`snapshotEvery: ${snapshots.every}\` that saves the first snapshot where one is due); each timed command runs \`handleCommand\` with \`snapshotEvery: ${snapshots.every}\` on a store instance opened just before (untimed) and closed after it, so no cache helps: it reads the latest snapshot and the events after it, decides, appends, and every ${snapshots.every} commands saves a snapshot. ms/command is the mean over a run's commands.`,
  ],
  open: async () =>
    openStreamGroup(await openBenchNats(), 1, (host, prefix) => {
      const runners = jetstreamCommandRunners(host, prefix, historyLength);
      return [
        commandCase({
          id: 'command-jetstream',
          title: `handle a command on an actor with ${count(historyLength)} events, ${count(actors)} actors, each awaited`,
          short: `command on a ${count(historyLength)}-event actor`,
          actors,
          subject: runners.subject,
          baselines: [runners.baseline],
          targets: [{ against: byHandName, min: 0.9 }],
          plan: { warmups: 1, repetitions: 5, maxSeconds: 5, warmupSeconds: 5 },
        }),
        snapshotLoadCase({
          host,
          streamPrefix: prefix,
          snapshotEvery: snapshots.every,
          long: snapshots.long,
          short: snapshots.short,
          targets: [{ against: snapshotLoadName(snapshots.short), max: 2 }],
        }),
      ];
    }),
};
