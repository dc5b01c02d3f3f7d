import type { BenchCase, Target } from '../../model.js';
import { formatCount as count } from '../../report/format.js';
import { type AppendCaseOptions, appendCase } from './append-case.js';
import type { StreamHost } from './session.js';

/** Each awaited before the next, to one actor. */
export const sequential = { appends: 3_000, maxSeconds: 5 };
/** Round-robin over the actors, at most `window` in flight. */
export const pipelined = { appends: 10_000, actors: 1_000, window: 1_000, maxSeconds: 5 };

export interface AppendCasesOptions {
  readonly host: StreamHost;
  /** The run's stream prefix; each case adds its own part. */
  readonly streamPrefix: string;
  readonly baselines: AppendCaseOptions['baselines'];
  readonly targets?: { readonly sequential?: readonly Target[]; readonly pipelined?: readonly Target[] };
}

/**
 * The two append cases of a JetStream group, the same on a single server and on a cluster: awaited
 * appends to one actor, and pipelined appends across many.
 */
export function appendCases(options: AppendCasesOptions): BenchCase[] {
  const { host, baselines } = options;
  return [
    appendCase({
      id: 'append-sequential',
      title: `${count(sequential.appends)} appends to one actor, each awaited`,
      short: `${count(sequential.appends)} awaited appends, one actor`,
      host,
      baselines,
      streamPrefix: `${options.streamPrefix}-seq`,
      count: sequential.appends,
      actors: 1,
      window: 1,
      maxSeconds: sequential.maxSeconds,
      targets: options.targets?.sequential ?? [],
    }),
    appendCase({
      id: 'append-pipelined',
      title: `${count(pipelined.appends)} appends across ${count(pipelined.actors)} actors, ${count(pipelined.window)} in flight`,
      short: `${count(pipelined.appends)} pipelined appends, ${count(pipelined.actors)} actors`,
      host,
      baselines,
      streamPrefix: `${options.streamPrefix}-pipe`,
      count: pipelined.appends,
      actors: pipelined.actors,
      window: pipelined.window,
      maxSeconds: pipelined.maxSeconds,
      targets: options.targets?.pipelined ?? [],
    }),
  ];
}
