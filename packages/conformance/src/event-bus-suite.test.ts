import {
  type AnyEvent,
  type EventBus,
  LocalEventBus,
  type SubscribeOptions,
  type Subscription,
  validateEvent,
} from '@aether/core';
import { validateNamespace } from '@aether/core/adapter';
import { describeEventBus } from './event-bus-suite.js';

/**
 * A stand-in for a networked bus such as the NATS one: every delivery, to the bus itself and to the
 * other buses of its scope, goes through one asynchronous FIFO "wire". It proves the suite never
 * relies on synchronous delivery: it passes only because the suite waits through `settle`.
 */
class Wire {
  readonly #queue: (() => void)[] = [];
  #idle: (() => void)[] = [];
  #scheduled = false;

  send(deliver: () => void): void {
    this.#queue.push(deliver);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => this.#flush());
    }
  }

  /** Resolves once everything sent so far has been delivered. */
  drained(): Promise<void> {
    if (!this.#scheduled) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #flush(): void {
    // One message per turn, so readers and publishers interleave with deliveries.
    this.#queue.shift()?.();
    if (this.#queue.length > 0) {
      setImmediate(() => this.#flush());
      return;
    }
    this.#scheduled = false;
    const idle = this.#idle;
    this.#idle = [];
    for (const resolve of idle) resolve();
  }
}

const networks = new Map<string, { wire: Wire; buses: Set<WireBus> }>();

class WireBus implements EventBus {
  readonly #local = new LocalEventBus();
  readonly #scope: string;
  readonly #network: { wire: Wire; buses: Set<WireBus> };
  #closed = false;

  constructor(scope: string) {
    this.#scope = scope;
    let network = networks.get(scope);
    if (network === undefined) {
      network = { wire: new Wire(), buses: new Set() };
      networks.set(scope, network);
    }
    this.#network = network;
    network.buses.add(this);
  }

  get wire(): Wire {
    return this.#network.wire;
  }

  async publish(namespace: string, event: AnyEvent): Promise<void> {
    if (this.#closed) throw new Error('cannot publish: the bus is closed');
    validateNamespace(namespace);
    // What travels is a copy, as over a real network.
    const copy = validateEvent(event);
    for (const bus of this.#network.buses) {
      this.#network.wire.send(() => void bus.#local.publish(namespace, copy).catch(() => undefined));
    }
  }

  subscribe(namespacePattern: string, options?: SubscribeOptions): Subscription {
    return this.#local.subscribe(namespacePattern, options);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#network.buses.delete(this);
    if (this.#network.buses.size === 0) networks.delete(this.#scope);
    await this.#local.close();
  }
}

describeEventBus('an asynchronous networked bus (test double)', ({ scope }) => new WireBus(scope), {
  crossBus: true,
  timeoutMs: 1000,
  settle: (publisher) => (publisher as WireBus).wire.drained(),
});
