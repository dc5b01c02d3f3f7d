import { randomUUID } from 'node:crypto';
import type { Contender } from '../../model.js';
import { percentileOf } from '../../report/stats.js';
import { openPublisher } from './publishers.js';
import { SubscriberProcess } from './subscriber-process.js';
import { type Kind, now } from './wire.js';

/** Events per throughput run (or fewer, when the run reaches its time cap). */
export const THROUGHPUT_EVENTS = 100_000;
/** Events per second of a latency run: far below any contender's ceiling, so nothing queues. */
export const LATENCY_RATE = 2_000;
/** The publisher yields to the event loop (setImmediate) after this many messages. */
export const YIELD_EVERY = 1_024;
/** How long a run waits for the last messages before it fails. */
const collectTimeoutMs = 30_000;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function openPair(kind: Kind, servers: string) {
  const channel = `bench-${randomUUID().slice(0, 8)}`;
  const subscriber = await SubscriberProcess.start(kind, servers, channel);
  const publisher = await openPublisher(kind, servers, channel);
  const close = async () => {
    await publisher.close();
    await subscriber.stop();
  };
  return { subscriber, publisher, close };
}

/**
 * Events per second from this process to a subscriber in another one: from the first publish to
 * the last message's arrival there. Every message must arrive; a loss fails the run.
 */
export function throughputContender(name: string, kind: Kind, servers: () => string): Contender {
  return {
    name,
    async open() {
      const { subscriber, publisher, close } = await openPair(kind, servers());
      publisher.prepare(THROUGHPUT_EVENTS);
      return {
        async run({ maxSeconds }) {
          await subscriber.arm(false);
          const started = now();
          const deadline = performance.now() + maxSeconds * 1000;
          let sent = 0;
          while (sent < THROUGHPUT_EVENTS) {
            // Awaited only when it returns a promise (Aether): `await` on nats.js's void publish
            // would let its per-message flush run, one socket write per message.
            const sending = publisher.send(sent);
            if (sending !== undefined) await sending;
            sent++;
            if (sent % YIELD_EVERY === 0) {
              await yieldToLoop();
              if (performance.now() > deadline) break;
            }
          }
          await publisher.flush();
          const result = await subscriber.collect(sent, collectTimeoutMs);
          if (result.count !== sent)
            throw new Error(`${sent - result.count} of ${sent} messages did not arrive`);
          return { value: sent / ((result.lastAt - started) / 1000), done: sent, planned: THROUGHPUT_EVENTS };
        },
        close,
      };
    },
  };
}

/**
 * Milliseconds from `publish` to arrival in the other process, at a steady `LATENCY_RATE`: each
 * message is stamped just before it is published. The run's value is the given percentile.
 */
export function latencyContender(
  name: string,
  kind: Kind,
  servers: () => string,
  percentile: number,
): Contender {
  return {
    name,
    async open() {
      const { subscriber, publisher, close } = await openPair(kind, servers());
      return {
        async run({ maxSeconds }) {
          await subscriber.arm(true);
          const start = performance.now();
          const planned = Math.round(LATENCY_RATE * maxSeconds);
          let sent = 0;
          while (sent < planned) {
            // Catch up with the schedule, then sleep for about a millisecond.
            const due = Math.min(
              planned,
              Math.floor(((performance.now() - start) / 1000) * LATENCY_RATE) + 1,
            );
            while (sent < due) {
              const sending = publisher.sendStamped(sent, now());
              if (sending !== undefined) await sending;
              sent++;
            }
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          await publisher.flush();
          const result = await subscriber.collect(sent, collectTimeoutMs);
          if (result.count !== sent)
            throw new Error(`${sent - result.count} of ${sent} messages did not arrive`);
          return { value: percentileOf(result.latencies, percentile) };
        },
        close,
      };
    },
  };
}
