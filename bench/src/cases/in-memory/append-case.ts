import type { BenchCase, Contender, RunPlan, Target } from '../../model.js';
import { collectGarbage, timedLoop } from '../../run/timing.js';
import type { MemoryPeer, PeerStore } from './peer.js';
import type { AppendStep } from './workload.js';

export interface AppendCaseOptions {
  readonly id: string;
  readonly title: string;
  readonly short: string;
  readonly steps: readonly AppendStep[];
  readonly peers: readonly [MemoryPeer, ...MemoryPeer[]];
  readonly targets: readonly Target[];
  readonly plan?: Partial<RunPlan>;
}

/** Awaited appends, one after another, each run into a fresh store; events are built untimed, a batch at a time. */
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
    ...(options.plan === undefined ? {} : { plan: options.plan }),
  };
}

/**
 * Events are built in batches of this many just before the batch is timed, so each is as young
 * as in an application that builds an event and saves it: 1,024 events are well under 1 MB,
 * far below the young generation. Built all at once and then collected, they would sit in the old
 * generation, and a store that flattens the caller's rope-string ids (Aether does, to keep memory
 * low) would pay several hundred nanoseconds per id that an application never pays.
 */
export const BATCH = 1024;

function appendContender(peer: MemoryPeer, steps: readonly AppendStep[]): Contender {
  return {
    name: peer.name,
    open: async () => ({
      async run({ maxSeconds }) {
        const store = peer.create();
        collectGarbage();
        const { done, seconds } = await timedBatches(steps, maxSeconds, store);
        const last = steps[done - 1] as AppendStep;
        const latest = await store.latestVersion(last.actorId);
        if (latest !== last.version)
          throw new Error(`${last.actorId} is at version ${latest}, expected ${last.version}`);
        return { value: done / seconds, done, planned: steps.length };
      },
    }),
  };
}

/** Builds each batch untimed, then times its appends; stops at the end or once past `maxSeconds`. */
async function timedBatches(
  steps: readonly AppendStep[],
  maxSeconds: number,
  store: PeerStore,
): Promise<{ done: number; seconds: number }> {
  let done = 0;
  let seconds = 0;
  while (done < steps.length && seconds < maxSeconds) {
    const append = store.prepare(steps.slice(done, done + BATCH));
    const batch = await timedLoop(Math.min(BATCH, steps.length - done), maxSeconds - seconds, append);
    done += batch.done;
    seconds += batch.seconds;
  }
  return { done, seconds };
}
