import type { AnyEvent } from '../event.js';
import type { Delivery, EventBus, SubscribeOptions, Subscription } from '../event-bus.js';
import { validateNamespace } from '../subject/patterns.js';
import { validateEvent } from '../validation/validate-event.js';
import { EventBusClosedError } from './event-bus-closed-error.js';
import { LocalSubscription } from './local-subscription.js';
import { resolveSubscription } from './subscribe-options.js';

/**
 * The in-process event bus. `publish` validates the namespace and the event, then puts one deeply
 * frozen copy of the event, synchronously, into the buffer of every matching subscription: it
 * never waits for a subscriber, so a slow one slows neither the publisher nor the others. Each
 * subscription has a bounded buffer (default 1024 events) and an overflow policy (default
 * `'drop-oldest'`). Delivery is live and at-most-once; read history from an event store.
 */
export class LocalEventBus implements EventBus {
  readonly #subscriptions = new Set<LocalSubscription>();
  #closed = false;

  /** Resolves once the event is in every matching subscription's buffer; rejects with `ValidationError`. */
  async publish(namespace: string, event: AnyEvent): Promise<void> {
    if (this.#closed) throw new EventBusClosedError('publish');
    validateNamespace(namespace);
    const delivery: Delivery = Object.freeze({ namespace, event: validateEvent(event) });
    for (const subscription of this.#subscriptions) {
      if (subscription.accepts(namespace, delivery.event)) subscription.push(delivery);
    }
  }

  /** Throws `ValidationError` for a bad pattern or option. */
  subscribe(namespacePattern: string, options?: SubscribeOptions): Subscription {
    if (this.#closed) throw new EventBusClosedError('subscribe');
    const subscription = new LocalSubscription(resolveSubscription(namespacePattern, options), (ended) =>
      this.#subscriptions.delete(ended),
    );
    this.#subscriptions.add(subscription);
    return subscription;
  }

  /** Ends every subscription, as `unsubscribe()` does; later `publish` and `subscribe` calls throw. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
  }
}
