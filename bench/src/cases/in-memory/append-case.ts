import type { BenchCase, Contender, Target } from '../../model.js';
import { collectGarbage, timedLoop } from '../../timing.js';
import type { MemoryPeer } from './peer.js';
import type { AppendStep } from './workload.js';

export interface AppendCaseOptions {
  readonly id: string;
  readonly title: string;
  readonly short: string;
  readonly steps: readonly AppendStep[];
  readonly peers: readonly [MemoryPeer, ...MemoryPeer[]];
  readonly targets: readonly Target[];
}

/** Awaited appends, one after another, each into a fresh store; events are built before timing. */
export function appendCase(options: AppendCaseOptions): BenchCase {
  const [subject, ...baselines] = options.peers.map((peer) => appendContender(peer, options.steps));
  return {
    id: options.id,
    title: options.title,
    short: options.short,
    metric: { unit: 'events/s', better: 'higher' },
    subject: subject as Contender,
    baselines,
    targets: options.targets,
  };
}

function appendContender(peer: MemoryPeer, steps: readonly AppendStep[]): Contender {
  return {
    name: peer.name,
    open: async () => ({
      async run({ maxSeconds }) {
        const store = peer.create();
        const append = store.prepare(steps);
        collectGarbage();
        const { done, seconds } = await timedLoop(steps.length, maxSeconds, append);
        const last = steps[done - 1] as AppendStep;
        const latest = await store.latestVersion(last.actorId);
        if (latest !== last.version)
          throw new Error(`${last.actorId} is at version ${latest}, expected ${last.version}`);
        return { value: done / seconds, done, planned: steps.length };
      },
    }),
  };
}
