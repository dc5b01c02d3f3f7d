import type { BenchCase, Contender, Target } from '../../model.js';
import { repeatFor } from '../../run/timing.js';
import type { MemoryPeer, PeerStore } from './peer.js';

const actor = 'order-read';
/** Each repetition repeats the read (or fold) for this long; events/s counts every event read. */
export const readSeconds = 0.15;
/** Reads are quick and noisier (they allocate per event), so they get more repetitions. */
export const historyPlan = { warmups: 1, repetitions: 5 };

type Work = (store: PeerStore, actorId: string) => Promise<number>;

const readAll: Work = (store, actorId) => store.read(actorId);
const foldAll: Work = async (store, actorId) => (await store.fold(actorId)).lines;

/** Reads all events of one actor that has `events` of them. */
export function readCase(
  peers: readonly [MemoryPeer, ...MemoryPeer[]],
  events: number,
  targets: readonly Target[] = [],
): BenchCase {
  return historyCase(peers, events, readAll, targets, {
    id: 'read-actor',
    title: `read a ${events.toLocaleString('en-US')}-event actor (all events)`,
    short: `read ${events.toLocaleString('en-US')}-event actor`,
  });
}

/** Folds all events of one actor into state with the library's own fold. */
export function foldCase(
  peers: readonly [MemoryPeer, ...MemoryPeer[]],
  events: number,
  targets: readonly Target[] = [],
): BenchCase {
  return historyCase(peers, events, foldAll, targets, {
    id: 'fold-actor',
    title: `fold a ${events.toLocaleString('en-US')}-event actor into state`,
    short: `fold ${events.toLocaleString('en-US')}-event actor`,
  });
}

function historyCase(
  peers: readonly [MemoryPeer, ...MemoryPeer[]],
  events: number,
  work: Work,
  targets: readonly Target[],
  names: Pick<BenchCase, 'id' | 'title' | 'short'>,
): BenchCase {
  const [subject, ...baselines] = peers.map((peer) => historyContender(peer, events, work));
  return {
    ...names,
    metric: { unit: 'events/s', better: 'higher' },
    subject: subject as Contender,
    baselines,
    targets,
    plan: historyPlan,
  };
}

function historyContender(peer: MemoryPeer, events: number, work: Work): Contender {
  return {
    name: peer.name,
    async open() {
      const store = peer.create();
      await store.fill(actor, events);
      const seen = await work(store, actor);
      if (seen !== events) throw new Error(`${peer.name} saw ${seen} events, expected ${events}`);
      return {
        async run() {
          const { runs, seconds } = await repeatFor(readSeconds, () => work(store, actor));
          return { value: (runs * events) / seconds };
        },
      };
    },
  };
}
