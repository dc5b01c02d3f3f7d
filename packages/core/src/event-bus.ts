import type { AnyEvent, Event } from './event.js';

/** What a full subscriber buffer does with the next event. */
export type OverflowPolicy = 'drop-oldest' | 'drop-newest' | 'error';

export interface SubscribeOptions {
  /** Only these event types; all types when omitted or empty. */
  eventTypes?: readonly string[];
  /** NATS-style pattern over the actor id's `.`-separated tokens (`*` one token, `>` the rest). */
  actorPattern?: string;
  /** Events held for a subscriber that has not read them yet (default 1024). */
  bufferSize?: number;
  /** What happens when the buffer is full (default `'drop-oldest'`). */
  overflow?: OverflowPolicy;
}

/** One delivered event and the namespace it was published to. */
export interface Delivery {
  readonly namespace: string;
  readonly event: Event;
}

/** A live subscription: iterate it with `for await`; `unsubscribe()` ends the iteration. */
export interface Subscription extends AsyncIterable<Delivery> {
  /** Events discarded because this subscriber's buffer was full. */
  readonly dropped: number;
  unsubscribe(): void;
}

/** Live, at-most-once delivery of events to subscribers filtered by namespace, type and actor. */
export interface EventBus {
  /** Delivers the event to every matching subscriber. */
  publish(namespace: string, event: AnyEvent): Promise<void>;
  /** Subscribes to namespaces matching a NATS-style pattern (`*` one token, `>` the rest). */
  subscribe(namespacePattern: string, options?: SubscribeOptions): Subscription;
  /** Ends every subscription. */
  close(): Promise<void>;
}
