import type { Event } from '@aether/core';
import type { BenchCase, Contender, RunPlan, Target } from '../../model.js';
import { collectGarbage, timedLoop } from '../../run/timing.js';
import { openAetherStore } from './aether-store.js';
import { roundRobin } from './events.js';
import { freshStreamContender } from './fresh-stream-contender.js';
import type { StreamHost } from './session.js';
import { messageCount } from './streams.js';

/** Events per batch, and batches per run (each awaited before the next, all to one actor). */
export const batch = { size: 10, batches: 300, maxSeconds: 5 };
export const batchPlan = { warmups: 2, warmupSeconds: 1, repetitions: 5 } satisfies Partial<RunPlan>;
/** The baseline's column name: the same events, one awaited `saveEvent` each. */
export const oneByOneName = `Aether, ${batch.size} awaited saveEvent`;

/** Saves a batch of events of one actor; resolves once all are stored. */
type SaveBatch = (events: readonly Event[]) => Promise<unknown>;
type Saver = { readonly save: SaveBatch; readonly messagesPerBatch: number };

export interface BatchCaseOptions {
  readonly host: StreamHost;
  readonly streamPrefix: string;
  readonly targets: readonly Target[];
}

/** `saveEvents` of `batch.size` events against the same events saved one `saveEvent` at a time. */
export function batchCase(options: BatchCaseOptions): BenchCase {
  return {
    id: 'save-events-batch',
    title: `${batch.batches} batches of ${batch.size} events to one actor, each batch awaited: \`saveEvents\` (Aether) against ${batch.size} awaited \`saveEvent\``,
    short: `saveEvents of ${batch.size} vs ${batch.size} × saveEvent`,
    metric: { unit: 'events/s', better: 'higher' },
    subject: batchContender('Aether', 'many', options, (store) => ({
      save: (events) => store.saveEvents(events),
      messagesPerBatch: 1,
    })),
    baselines: [
      batchContender(oneByOneName, 'one', options, (store) => ({
        async save(events) {
          for (const event of events) await store.saveEvent(event);
        },
        messagesPerBatch: batch.size,
      })),
    ],
    targets: options.targets,
    plan: { ...batchPlan, maxSeconds: batch.maxSeconds },
  };
}

type Store = Awaited<ReturnType<typeof openAetherStore>>;

function batchContender(
  name: string,
  tag: string,
  options: BatchCaseOptions,
  saverOf: (store: Store) => Saver,
): Contender {
  return freshStreamContender(name, tag, options, async (session, stream, { maxSeconds }) => {
    const events = roundRobin(stream, batch.size * batch.batches, 1).map((append) => append.event);
    const batches = Array.from({ length: batch.batches }, (_, index) =>
      events.slice(index * batch.size, (index + 1) * batch.size),
    );
    const store = await openAetherStore(session, stream);
    const saver = saverOf(store);
    collectGarbage();
    const { done, seconds } = await timedLoop(batch.batches, maxSeconds, (index) =>
      saver.save(batches[index] as Event[]),
    );
    await store.close();
    const stored = await messageCount(session.jsm, stream);
    if (stored !== done * saver.messagesPerBatch)
      throw new Error(`${name} stored ${stored} messages for ${done} batches`);
    return { value: (done * batch.size) / seconds, done, planned: batch.batches };
  });
}
