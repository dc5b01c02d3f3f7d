import type { BenchCase, Contender, Target } from '../../model.js';
import { canMeasureHeap, heapUsed } from '../../run/timing.js';
import type { MemoryPeer, PeerStore } from './peer.js';
import type { AppendStep } from './workload.js';

/**
 * No warm-up and two runs (the median of two is their mean): every run is a full, uncapped set of
 * appends, slow for Emmett, and heap figures vary by well under 5% from run to run.
 */
export const memoryPlan = { warmups: 0, repetitions: 2 };

/**
 * Heap kept per event: full GC, heap used, a fresh store, every append (events built one at a
 * time, as an application would), full GC, heap used again; the difference over the event count.
 */
export function memoryCase(
  peers: readonly [MemoryPeer, ...MemoryPeer[]],
  steps: readonly AppendStep[],
  title: string,
  targets: readonly Target[],
): BenchCase {
  const [subject, ...baselines] = peers.map((peer) => memoryContender(peer, steps));
  return {
    id: 'memory-per-event',
    title,
    short: 'heap per stored event',
    metric: { unit: 'bytes/event', better: 'lower' },
    subject: subject as Contender,
    baselines,
    targets,
    plan: memoryPlan,
  };
}

function memoryContender(peer: MemoryPeer, steps: readonly AppendStep[]): Contender {
  return {
    name: peer.name,
    async open() {
      if (!canMeasureHeap()) throw new Error('needs global.gc(): run node with --expose-gc');
      return {
        async run() {
          const before = heapUsed();
          const store: PeerStore = peer.create();
          for (const step of steps) await store.append(step);
          const after = heapUsed();
          // Using the store after the second measurement keeps it alive through it.
          const last = steps[steps.length - 1] as AppendStep;
          if ((await store.latestVersion(last.actorId)) !== last.version)
            throw new Error('appends went missing');
          return { value: (after - before) / steps.length, done: steps.length, planned: steps.length };
        },
      };
    },
  };
}
