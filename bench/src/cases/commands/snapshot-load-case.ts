import { handleCommand } from '@aether/commands';
import type { BenchCase, Contender, Target } from '../../model.js';
import { openAetherStore } from '../jetstream/aether-store.js';
import { openSession, type StreamHost } from '../jetstream/session.js';
import { createStream, dropStream } from '../jetstream/streams.js';
import { addItem, history, orderDecider } from './order-decider.js';

/** The baseline's name: Aether on an actor of `events` events. */
export const snapshotLoadName = (events: number) => `Aether, ${events.toLocaleString('en-US')}-event actor`;

/** Events per `saveEvents` while an actor's history is written (untimed). */
const fillBatch = 100;

export interface SnapshotLoadOptions {
  readonly host: StreamHost;
  readonly streamPrefix: string;
  readonly snapshotEvery: number;
  readonly long: number;
  readonly short: number;
  readonly targets: readonly Target[];
}

/**
 * `handleCommand` with `snapshotEvery` on a fresh store instance each time (opened and closed
 * untimed), so nothing the store cached from an earlier load helps: the actor is loaded from its
 * latest snapshot and the events after it. The subject (`Aether`) loads an actor of `long`
 * events, the baseline one of `short`; each command adds one, and every `snapshotEvery` of them
 * a snapshot is saved (timed).
 */
export function snapshotLoadCase(options: SnapshotLoadOptions): BenchCase {
  const { long, short, snapshotEvery } = options;
  return {
    id: 'command-snapshot-load',
    title: `handle a command on an actor of ${long.toLocaleString('en-US')} events with \`snapshotEvery: ${snapshotEvery}\`, fresh store instance each time`,
    short: `command, ${long.toLocaleString('en-US')} events + snapshots`,
    metric: { unit: 'ms/command', better: 'lower' },
    subject: contender('Aether', long, options),
    baselines: [contender(snapshotLoadName(short), short, options)],
    targets: options.targets,
    plan: { warmups: 1, repetitions: 5, maxSeconds: 1, warmupSeconds: 0.3 },
  };
}

function contender(name: string, events: number, options: SnapshotLoadOptions): Contender {
  const stream = `${options.streamPrefix}-snap-${events}`;
  const actorId = `order-snap-${events}`;
  const commandOptions = { snapshotEvery: options.snapshotEvery };
  return {
    name,
    async open() {
      const session = await openSession(options.host);
      await createStream(session, stream);
      const filler = await openAetherStore(session, stream);
      const all = history(actorId, events);
      for (let start = 0; start < all.length; start += fillBatch)
        await filler.saveEvents(all.slice(start, start + fillBatch));
      // The first command saves the snapshot the timed ones start from (once `snapshotEvery` is reached).
      await handleCommand(filler, actorId, addItem(0), orderDecider, commandOptions);
      await filler.close();
      let seq = 1;
      return {
        async run({ maxSeconds }) {
          let timed = 0;
          let commands = 0;
          while (timed < maxSeconds) {
            const store = await openAetherStore(session, stream);
            const start = performance.now();
            await handleCommand(store, actorId, addItem(seq++), orderDecider, commandOptions);
            timed += (performance.now() - start) / 1000;
            commands++;
            await store.close();
          }
          return { value: (timed * 1000) / commands };
        },
        async close() {
          await dropStream(session.jsm, stream);
          await session.nc.close();
        },
      };
    },
  };
}
