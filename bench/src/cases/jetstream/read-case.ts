import type { BenchCase, Contender, Metric, RunPlan, Target } from '../../model.js';
import { fillElsewhere } from './fill-elsewhere.js';
import type { ReadStream } from './read-streams.js';
import { openSession, type Session, type StreamHost } from './session.js';
import { timedLoads } from './timed-loads.js';

/** One load: untimed setup and teardown of its own; returns the seconds of its timed part. */
export type Load = () => Promise<number>;

/** Given the filled stream, a contender's load (after any untimed warm-up of its own). */
export type OpenLoad = (session: Session, spec: ReadStream) => Promise<Load>;

/** Each run repeats loads for this long (timing only their timed parts). */
export const loadSeconds = 0.3;
export const readPlan = { warmups: 1, repetitions: 5 } satisfies Partial<RunPlan>;

/** How a run's loads become its figure. */
export type ReadMetric = 'ms/load' | 'events/s';

export interface ReadCaseOptions {
  readonly id: string;
  readonly title: string;
  readonly short: string;
  readonly host: StreamHost;
  readonly spec: ReadStream;
  readonly metric: ReadMetric;
  readonly aether: OpenLoad;
  readonly raw: readonly { readonly name: string; readonly open: OpenLoad }[];
  readonly targets?: readonly Target[];
  /** Events one load reads, for `events/s`: the actor's (`spec.events`) unless given. */
  readonly eventsPerLoad?: number;
}

const metrics: Record<ReadMetric, Metric> = {
  'ms/load': { unit: 'ms/load', better: 'lower' },
  'events/s': { unit: 'events/s', better: 'higher' },
};

/** Reads of one actor from a stream both contenders share, filled by whichever opens it first. */
export function readCase(options: ReadCaseOptions): BenchCase {
  return {
    id: options.id,
    title: options.title,
    short: options.short,
    metric: metrics[options.metric],
    subject: readContender('Aether', options.aether, options),
    baselines: options.raw.map((raw) => readContender(raw.name, raw.open, options)),
    targets: options.targets ?? [],
    plan: readPlan,
  };
}

function readContender(name: string, openLoad: OpenLoad, options: ReadCaseOptions): Contender {
  return {
    name,
    async open() {
      await fillElsewhere(options.host, options.spec);
      const session = await openSession(options.host);
      const load = await openLoad(session, options.spec);
      return {
        async run() {
          const { loads, seconds } = await timedLoads(loadSeconds, load);
          const value =
            options.metric === 'ms/load'
              ? (seconds * 1000) / loads
              : (loads * (options.eventsPerLoad ?? options.spec.events)) / seconds;
          return { value };
        },
        close: () => session.nc.close(),
      };
    },
  };
}
