import type { BenchCase, Contender, RunPlan, Target } from '../../model.js';
import { formatCount as count } from '../../report/format.js';
import { percentileOf } from '../../report/stats.js';
import { openAetherStore } from '../jetstream/aether-store.js';
import { liveEvents } from '../jetstream/live-writers.js';
import { openSession, type StreamHost } from '../jetstream/session.js';
import { createStream, dropStream } from '../jetstream/streams.js';
import { now } from '../nats-bus/wire.js';
import { type ProjectorKind, projectorFor } from './contender-setup.js';
import { openPool, runSchemaPrefix } from './database.js';
import { appliedVersion, createReadModel } from './read-model.js';

/** Events per second, as the issue asks. */
export const latencyRate = 500;
/** Events of a run go round-robin to this many orders. */
export const latencyActors = 100;
export const latencyPlan: RunPlan = { warmups: 1, repetitions: 5, maxSeconds: 2, warmupSeconds: 1 };
const settleTimeoutMs = 30_000;

export interface LatencyOptions {
  readonly host: StreamHost;
  readonly streamPrefix: string;
  readonly percentile: number;
  readonly handWrittenName: string;
  readonly targets?: readonly Target[];
}

/**
 * Milliseconds from `saveEvent` resolving to a query seeing the event in the read model, at a
 * steady `latencyRate`, with the projector running in the same process as the writer; the run's
 * value is the given percentile.
 */
export function latencyCase(options: LatencyOptions): BenchCase {
  const p = options.percentile;
  return {
    id: `latency-p${p}`,
    title: `\`saveEvent\` resolved to the read-model row visible to a query, p${p}, at ${count(latencyRate)} events/s`,
    short: `save → read-model row p${p}`,
    metric: { unit: 'ms', better: 'lower' },
    subject: latencyContender('Aether', 'aether', options),
    baselines: [latencyContender(options.handWrittenName, 'hand-written', options)],
    targets: options.targets ?? [],
    plan: latencyPlan,
  };
}

function latencyContender(name: string, kind: ProjectorKind, options: LatencyOptions): Contender {
  return {
    name,
    async open() {
      const session = await openSession(options.host);
      const tag = `p${options.percentile}_${kind.replace('-', '_')}`;
      const stream = `${options.streamPrefix}-${tag.replace('_', '-')}`;
      await createStream(session, stream);
      const store = await openAetherStore(session, stream);
      const pool = openPool();
      // The queries that look for each event's row, on connections of their own.
      const readers = openPool(4);
      const schema = `${runSchemaPrefix()}latency_${tag}`;
      await createReadModel(pool, schema);
      const projector = await projectorFor(kind, session, stream, pool, schema);
      const running = projector.start('latency');
      const eventAt = liveEvents(latencyActors);
      let saved = 0;
      return {
        async run({ maxSeconds }) {
          const planned = Math.round(latencyRate * maxSeconds);
          const latencies: number[] = [];
          const seen: Promise<void>[] = [];
          let failure: unknown;
          const start = performance.now();
          let done = 0;
          while (done < planned) {
            // Catch up with the schedule (each save awaited), then sleep for about a millisecond.
            const due = Math.min(planned, Math.floor(((performance.now() - start) / 1000) * latencyRate) + 1);
            while (done < due) {
              const event = eventAt(saved);
              await store.saveEvent(event);
              const savedAt = now();
              // One writer on a fresh stream: the n-th event saved is at position n (checked below).
              const position = ++saved;
              seen.push(
                running
                  .whenProcessed(position)
                  .then(() => appliedVersion(readers, schema, event.actorId))
                  .then((version) => {
                    if (version < event.version)
                      throw new Error(`${name}: position ${position} committed, but its row is not visible`);
                    latencies.push(now() - savedAt);
                  })
                  .catch((error: unknown) => {
                    failure ??= error;
                  }),
              );
              done++;
            }
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          await withTimeout(Promise.all(seen), settleTimeoutMs, `${name}: events not in the read model`);
          if (failure !== undefined) throw failure;
          const head = await store.headPosition();
          if (head !== saved) throw new Error(`the stream's head is ${head} after ${saved} saves`);
          return { value: percentileOf(latencies, options.percentile) };
        },
        async close() {
          await running.stop();
          await projector.close();
          await store.close();
          await dropStream(session.jsm, stream);
          await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await pool.end();
          await readers.end();
          await session.nc.close();
        },
      };
    },
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
