import type { BenchCase, Contender, RunPlan, Target } from '../../model.js';
import { collectGarbage } from '../../run/timing.js';
import { aetherAppender, type OpenAppender } from './appenders.js';
import { roundRobin } from './events.js';
import { freshStreamContender } from './fresh-stream-contender.js';
import { pipeline } from './pipeline.js';
import type { StreamHost } from './session.js';
import { messageCount } from './streams.js';

/**
 * Two warm-up runs: a fresh Node process publishes about a third slower for its first few
 * thousand appends (V8 tiering up nats.js and the store), for raw nats.js and Aether alike.
 */
export const appendPlan = { warmups: 2, warmupSeconds: 2, repetitions: 5 } satisfies Partial<RunPlan>;

export interface AppendCaseOptions {
  readonly id: string;
  readonly title: string;
  readonly short: string;
  readonly host: StreamHost;
  /** The raw nats.js contenders: column name, a tag for stream names, how they append. */
  readonly baselines: readonly { readonly name: string; readonly tag: string; readonly open: OpenAppender }[];
  /** Prefix of this case's streams; each run gets a fresh one. */
  readonly streamPrefix: string;
  readonly count: number;
  readonly actors: number;
  /** Appends in flight at once: 1 awaits each before the next. */
  readonly window: number;
  readonly maxSeconds: number;
  readonly targets: readonly Target[];
}

/** Appends to a fresh stream per run, Aether's store against raw publishes with the same headers. */
export function appendCase(options: AppendCaseOptions): BenchCase {
  return {
    id: options.id,
    title: options.title,
    short: options.short,
    metric: { unit: 'events/s', better: 'higher' },
    subject: appendContender('Aether', 'aether', aetherAppender, options),
    baselines: options.baselines.map((raw) => appendContender(raw.name, raw.tag, raw.open, options)),
    targets: options.targets,
    plan: { ...appendPlan, maxSeconds: options.maxSeconds },
  };
}

function appendContender(
  name: string,
  tag: string,
  openAppender: OpenAppender,
  options: AppendCaseOptions,
): Contender {
  return freshStreamContender(name, tag, options, async (session, stream, { maxSeconds }) => {
    const appends = roundRobin(stream, options.count, options.actors);
    const appender = await openAppender(session, stream, appends);
    collectGarbage();
    const { done, seconds } = await pipeline(options.count, options.window, maxSeconds, appender.start);
    await appender.close();
    const stored = await messageCount(session.jsm, stream);
    if (stored !== done) throw new Error(`${name} stored ${stored} messages for ${done} appends`);
    return { value: done / seconds, done, planned: options.count };
  });
}
