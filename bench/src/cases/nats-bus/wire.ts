/** What the publishing contender and its subscriber process say to each other over IPC. */

/**
 * `aether`: NatsEventBus on both sides; `raw`: nats.js with a 256-byte payload on one subject;
 * `raw-actors`: the same payload on the subjects the bus uses (one per actor) under a wildcard
 * subscription; `json`: nats.js with the event as JSON.
 */
export type Kind = 'aether' | 'raw' | 'raw-actors' | 'json';

export type ToSubscriber =
  | { op: 'arm'; latency: boolean }
  | { op: 'collect'; expected: number; timeoutMs: number }
  | { op: 'stop' };

export type FromSubscriber =
  | { op: 'ready' }
  | { op: 'armed' }
  | { op: 'result'; count: number; lastAt: number; latencies: number[] };

/** Milliseconds since the epoch, sub-millisecond, comparable between processes of one machine. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * The subjects of one contender's publisher and subscriber, under a channel token of their own
 * (`bench-<random>`), so that no two contenders' processes ever hear each other.
 */
export function subjectsOf(channel: string) {
  return {
    raw: `${channel}.raw`,
    json: `${channel}.json`,
    busPrefix: channel,
    /** The subject of the i-th actor's events, laid out as the bus lays them out. */
    actor: (index: number) => `${channel}.OrderPlaced.${actorIdOf(index)}.${BUS_NAMESPACE}`,
    /** What the bus subscribes to for every type and actor of one namespace. */
    anyActor: `${channel}.*.*.${BUS_NAMESPACE}`,
  };
}

/** The events of a run go round-robin to this many actors, so to as many subjects. */
export const ACTORS = 1000;

export function actorIdOf(index: number): string {
  return `order-${String(index % ACTORS).padStart(4, '0')}`;
}
export const BUS_NAMESPACE = 'shop.orders';
/** Size of every message's payload, in bytes. */
export const PAYLOAD_BYTES = 256;
