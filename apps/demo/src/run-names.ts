/**
 * Where a NATS run of the demo puts things. Every run gets its own id, so runs never collide:
 * its own JetStream stream (`aether-demo-<run id>`) and its own bus namespace
 * (`orders.<run id>`). `watch` subscribes to `orders.*`: every run's events, and nothing else.
 */
export const BUS_SUBJECT_PREFIX = 'aether-demo';
export const ORDERS_NAMESPACE = 'orders';
export const WATCH_PATTERN = `${ORDERS_NAMESPACE}.*`;

export interface RunNames {
  runId: string;
  /** The JetStream stream (and store name) of the run's events. */
  streamName: string;
  /** The bus namespace the run publishes its events to. */
  namespace: string;
}

/** A run id: the time in base 36 and four random characters, e.g. `mbx2k9a1-q7f3`. */
export function newRunId(now: () => number = Date.now, random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${now().toString(36)}-${suffix}`;
}

export function runNames(runId: string): RunNames {
  return { runId, streamName: `aether-demo-${runId}`, namespace: `${ORDERS_NAMESPACE}.${runId}` };
}
