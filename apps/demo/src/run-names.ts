/**
 * Where a NATS run of the demo puts things. Every run gets its own id, so runs never collide:
 * its own JetStream stream (`aether-demo-<run id>`), the snapshot bucket the store makes for that
 * stream (`aether-demo-<run id>-snapshots`), and its own bus namespace (`orders.<run id>`).
 * `watch` subscribes to `orders.*`: every run's events, and nothing else.
 */
export const BUS_SUBJECT_PREFIX = 'aether-demo';
export const ORDERS_NAMESPACE = 'orders';
export const WATCH_PATTERN = `${ORDERS_NAMESPACE}.*`;
/** Every stream the demo makes starts with this; `clean` removes nothing else. */
export const STREAM_PREFIX = 'aether-demo-';

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
  return { runId, streamName: `${STREAM_PREFIX}${runId}`, namespace: `${ORDERS_NAMESPACE}.${runId}` };
}

/** Something a run left on the server, as `clean` names it. */
export interface RunLeftover {
  kind: 'stream' | 'snapshot bucket';
  /** The stream's name, or the bucket's (without the `KV_` of the stream that holds it). */
  name: string;
}

const runIdPattern = '[0-9a-z]+-[0-9a-z]{4}';
const runStream = new RegExp(`^${STREAM_PREFIX}${runIdPattern}$`);

/** Whether `text` is a run id as `newRunId` makes them (what `watch --run` accepts). */
export function isRunId(text: string): boolean {
  return new RegExp(`^${runIdPattern}$`).test(text);
}
// The store keeps a stream's snapshots in the KV bucket `<stream>-snapshots`, which JetStream
// holds in the stream `KV_<bucket>`. clean.integration.test.ts checks this against a real run.
const bucketStreamPrefix = 'KV_';
const bucketSuffix = '-snapshots';

/**
 * Which of the demo's leftovers a JetStream stream is, judged by its name alone: a run's event
 * stream or a run's snapshot bucket. `undefined` for every other stream, which `clean` never touches.
 */
export function runLeftoverOf(streamName: string): RunLeftover | undefined {
  if (runStream.test(streamName)) return { kind: 'stream', name: streamName };
  if (streamName.startsWith(bucketStreamPrefix) && streamName.endsWith(bucketSuffix)) {
    const bucket = streamName.slice(bucketStreamPrefix.length);
    if (runStream.test(bucket.slice(0, -bucketSuffix.length)))
      return { kind: 'snapshot bucket', name: bucket };
  }
  return undefined;
}
