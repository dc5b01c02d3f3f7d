import { randomUUID } from 'node:crypto';
import type { Event } from '@aether/core';
import type { BenchCase, Contender, RunPlan, Target } from '../../model.js';
import { percentileOf } from '../../report/stats.js';
import { SubscriberProcess } from '../nats-bus/subscriber-process.js';
import { now } from '../nats-bus/wire.js';
import { openAetherStore } from './aether-store.js';
import { actorId, actorSubject } from './events.js';
import { openSession, type Session, type StreamHost } from './session.js';
import { createStream, dropStream } from './streams.js';

/** Events per second: far below either contender's ceiling (about 5,000 awaited saves/s here). */
export const liveRate = 2_000;
/** Events of a run go round-robin to this many actors. */
export const liveActors = 100;
export const livePlan: RunPlan = { warmups: 1, repetitions: 5, maxSeconds: 1, warmupSeconds: 0.5 };
const follower = new URL('./log-follower.js', import.meta.url);
const collectTimeoutMs = 10_000;

/** Saves one event; resolves once it is stored. */
type Write = (event: Event) => Promise<unknown>;

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
    title: `\`saveEvent\` in one process to \`subscribe\` in another, p${p}, at ${liveRate.toLocaleString('en-US')} events/s`,
    short: `save → subscribe latency p${p}`,
    metric: { unit: 'ms', better: 'lower' },
    subject: liveContender('Aether', 'aether', options, async (session, stream) => {
      const store = await openAetherStore(session, stream);
      return { write: (event) => store.saveEvent(event), close: () => store.close() };
    }),
    baselines: [
      liveContender(options.baselineName, 'raw', options, async (session, stream) =>
        rawWriter(session, stream),
      ),
    ],
    targets: options.targets,
    plan: livePlan,
  };
}

const encoder = new TextEncoder();

/** `js.publish` of the event's JSON with the headers Aether sends, chained on each actor's last ack. */
function rawWriter(session: Session, stream: string): { write: Write; close: () => Promise<void> } {
  const last = new Map<string, number>();
  return {
    async write(event) {
      const subject = actorSubject(stream, event.actorId);
      const ack = await session.js.publish(subject, encoder.encode(JSON.stringify(event)), {
        msgID: event.id,
        expect: { lastSubjectSequence: last.get(subject) ?? 0 },
      });
      last.set(subject, ack.seq);
    },
    close: async () => {},
  };
}

function liveContender(
  name: string,
  kind: 'aether' | 'raw',
  options: LiveLatencyOptions,
  openWriter: (session: Session, stream: string) => Promise<{ write: Write; close: () => Promise<void> }>,
): Contender {
  return {
    name,
    async open() {
      const session = await openSession(options.host);
      const stream = `${options.streamPrefix}-p${options.percentile}-${kind}`;
      await createStream(session, stream);
      const writer = await openWriter(session, stream);
      const reader = await SubscriberProcess.start(kind, options.host.urls[0] as string, stream, follower);
      const versions = new Array<number>(liveActors).fill(0);
      let sent = 0;
      const eventAt = (index: number): Event => {
        const actor = index % liveActors;
        versions[actor] = (versions[actor] as number) + 1;
        return {
          id: randomUUID(),
          eventType: 'ItemAdded',
          actorId: actorId(actor),
          version: versions[actor] as number,
          data: { sku: `SKU-${index % 1000}`, quantity: 1, priceCents: 1999, sentAt: now() },
          timestamp: new Date(),
        };
      };
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
