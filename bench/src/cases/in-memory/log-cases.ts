import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '@aether/store-memory';
import type { BenchCase, RunPlan, Target } from '../../model.js';
import { formatCount as count } from '../../report/format.js';
import { repeatFor } from '../../run/timing.js';
import { actorId, orderLine } from './workload.js';

/** Events in the log both cases read, saved one by one round-robin over `logActors` actors. */
export const logEvents = 1_000_000;
export const logActors = 1_000;
/** `readAll` pages: how an application reads a log it cannot hold at once. */
export const readAllPage = 10_000;
/** One pass over the log takes a fraction of a second: each run repeats passes for at least this long. */
export const logSeconds = 0.5;
export const logPlan = { warmups: 1, repetitions: 5 } satisfies Partial<RunPlan>;

/** Reads the whole log once; returns how many events it saw. */
type Pass = (store: InMemoryEventStore) => Promise<number>;

const readAllPass: Pass = async (store) => {
  let seen = 0;
  let after = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: readAllPage });
    const last = page.at(-1);
    if (last === undefined) return seen;
    seen += page.length;
    after = last.position;
  }
};

const subscribePass: Pass = async (store) => {
  let seen = 0;
  for await (const _recorded of store.subscribe({ live: false })) seen++;
  return seen;
};

/** `readAll` page by page over the whole log. */
export function readAllCase(targets: readonly Target[]): BenchCase {
  return logCase(readAllPass, targets, {
    id: 'log-read-all',
    title: `read a ${count(logEvents)}-event log with \`readAll\`, ${count(readAllPage)} at a time`,
    short: `readAll, ${count(logEvents)}-event log`,
  });
}

/** `subscribe({ live: false })` from the start to the end of the log. */
export function subscribeCase(targets: readonly Target[]): BenchCase {
  return logCase(subscribePass, targets, {
    id: 'log-subscribe',
    title: `read a ${count(logEvents)}-event log with \`subscribe({ live: false })\``,
    short: `subscribe, ${count(logEvents)}-event log`,
  });
}

function logCase(
  pass: Pass,
  targets: readonly Target[],
  names: Pick<BenchCase, 'id' | 'title' | 'short'>,
): BenchCase {
  return {
    ...names,
    metric: { unit: 'events/s', better: 'higher' },
    subject: {
      name: 'Aether',
      async open() {
        const store = await filledStore();
        const seen = await pass(store);
        if (seen !== logEvents) throw new Error(`read ${seen} events of a ${logEvents}-event log`);
        return {
          async run() {
            const { runs, seconds } = await repeatFor(logSeconds, () => pass(store));
            return { value: (runs * logEvents) / seconds };
          },
        };
      },
    },
    baselines: [],
    targets,
    plan: logPlan,
  };
}

/** Untimed: every event saved with `saveEvent`, as an application saves them. */
async function filledStore(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  for (let seq = 0; seq < logEvents; seq++) {
    await store.saveEvent({
      id: randomUUID(),
      eventType: 'ItemAdded',
      actorId: actorId(seq % logActors),
      version: Math.floor(seq / logActors) + 1,
      data: orderLine(seq),
      timestamp: new Date(),
    });
  }
  return store;
}
