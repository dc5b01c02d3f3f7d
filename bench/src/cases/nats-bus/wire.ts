/** What the publishing contender and its subscriber process say to each other over IPC. */

/** `aether`: NatsEventBus on both sides; `raw`: nats.js with a 256-byte payload; `json`: nats.js with the event as JSON. */
export type Kind = 'aether' | 'raw' | 'json';

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
  return { raw: `${channel}.raw`, json: `${channel}.json`, busPrefix: channel };
}
export const BUS_NAMESPACE = 'shop.orders';
/** Size of every message's payload, in bytes. */
export const PAYLOAD_BYTES = 256;
