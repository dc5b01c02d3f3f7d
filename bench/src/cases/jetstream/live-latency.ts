import type { BenchCase, Contender, RunPlan, Target } from '../../model.js';
import { formatCount as count } from '../../report/format.js';
import { percentileOf } from '../../report/stats.js';
import { SubscriberProcess } from '../nats-bus/subscriber-process.js';
import { aetherWriter, liveEvents, type OpenLiveWriter, rawWriter } from './live-writers.js';
import { openSession, type StreamHost } from './session.js';
import { createStream, dropStream } from './streams.js';

/** Events per second: far below either contender's ceiling (about 5,000 awaited saves/s here). */
export const liveRate = 2_000;
/** Events of a run go round-robin to this many actors. */
export const liveActors = 100;
export const livePlan: RunPlan = { warmups: 1, repetitions: 5, maxSeconds: 1, warmupSeconds: 0.5 };
const follower = new URL('./log-follower.js', import.meta.url);
const collectTimeoutMs = 10_000;

export interface LiveLatencyOptions {
  readonly host: StreamHost;
  readonly streamPrefix: string;
  readonly percentile: number;
  /** The raw nats.js column: it publishes and parses JSON. */
  readonly baselineName: string;
  readonly targets: readonly Target[];
}

/**
 * Milliseconds from a save in the measuring process to the event coming out of a subscription in
 * a second process, at a steady `liveRate`; the run's value is the given percentile.
 */
export function liveLatencyCase(options: LiveLatencyOptions): BenchCase {
  const p = options.percentile;
  return {
    id: `live-latency-p${p}`,
    title: `\`saveEvent\` in one process to \`subscribe\` in another, p${p}, at ${count(liveRate)} events/s`,
    short: `save → subscribe latency p${p}`,
    metric: { unit: 'ms', better: 'lower' },
    subject: liveContender('Aether', 'aether', options, aetherWriter),
    baselines: [liveContender(options.baselineName, 'raw', options, rawWriter)],
    targets: options.targets,
    plan: livePlan,
  };
}

function liveContender(
  name: string,
  kind: 'aether' | 'raw',
  options: LiveLatencyOptions,
  openWriter: OpenLiveWriter,
): Contender {
  return {
    name,
    async open() {
      const session = await openSession(options.host);
      const stream = `${options.streamPrefix}-p${options.percentile}-${kind}`;
      await createStream(session, stream);
      const writer = await openWriter(session, stream);
      const reader = await SubscriberProcess.start(kind, options.host.urls[0] as string, stream, follower);
      const eventAt = liveEvents(liveActors);
      let sent = 0;
      return {
        async run({ maxSeconds }) {
          await reader.arm(true);
          const planned = Math.round(liveRate * maxSeconds);
          const start = performance.now();
          let done = 0;
          while (done < planned) {
            // Catch up with the schedule (each save awaited), then sleep for about a millisecond.
            const due = Math.min(planned, Math.floor(((performance.now() - start) / 1000) * liveRate) + 1);
            while (done < due) {
              await writer.write(eventAt(sent++));
              done++;
            }
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          const result = await reader.collect(done, collectTimeoutMs);
          if (result.count !== done)
            throw new Error(`${done - result.count} of ${done} events did not arrive`);
          return { value: percentileOf(result.latencies, options.percentile) };
        },
        async close() {
          await reader.stop();
          await writer.close();
          await dropStream(session.jsm, stream);
          await session.nc.close();
        },
      };
    },
  };
}
