import type { AnyEvent, EventBus, SubscribeOptions } from '@aether/core';
import { beforeEach, expect } from 'vitest';
import type { BusFixture } from './bus-fixture.js';
import { type Reader, reader } from './reader.js';

/** Where the publisher and the subscriber of a delivery test live. */
export interface Topology {
  name: string;
  /** Two buses of one scope rather than one bus. */
  cross: boolean;
}

/** The topologies every delivery test runs in: one bus, and two buses when the bus is networked. */
export function topologies(crossBus: boolean | undefined): Topology[] {
  const all: Topology[] = [{ name: 'publisher and subscriber on one bus', cross: false }];
  if (crossBus === true) all.push({ name: 'publisher and subscriber on two buses', cross: true });
  return all;
}

/** What a delivery test gets: a publisher and a subscriber (one bus or two), and ways to use them. */
export interface BusPair extends Pick<BusFixture, 'events' | 'timeoutMs'> {
  publisher(): EventBus;
  subscriber(): EventBus;
  /** Waits until the subscriber has everything the publisher has published so far. */
  settle(): Promise<void>;
  /** Subscribes on the subscriber, settles, and reads the subscription with the suite's deadline. */
  open(pattern: string, options?: SubscribeOptions): Promise<Reader>;
  /** Publishes the events one by one, awaiting each. */
  publishAll(namespace: string, batch: readonly AnyEvent[]): Promise<void>;
  /** Proves a subscription to `orders` holds nothing more: a new event is the next one read. */
  expectNothingElseBuffered(subscription: Reader): Promise<void>;
}

/** Registers the hook that makes the publisher and the subscriber before each test. Call inside a `describe` block. */
export function useBusPair(fixture: BusFixture, topology: Topology): BusPair {
  const { events, timeoutMs } = fixture;
  let publisher: EventBus;
  let subscriber: EventBus;
  const settle = (): Promise<void> => fixture.settle(publisher, subscriber);

  beforeEach(async () => {
    subscriber = await fixture.newBus();
    publisher = topology.cross ? await fixture.newBus() : subscriber;
  }, fixture.testTimeout);

  return {
    events,
    timeoutMs,
    publisher: () => publisher,
    subscriber: () => subscriber,
    settle,
    async open(pattern, subscribeOptions) {
      const subscription = subscriber.subscribe(pattern, subscribeOptions);
      await settle();
      return reader(subscription, timeoutMs);
    },
    async publishAll(namespace, batch) {
      for (const event of batch) await publisher.publish(namespace, event);
    },
    async expectNothingElseBuffered(subscription) {
      const sentinel = events.next();
      await publisher.publish('orders', sentinel);
      expect((await subscription.next('a newly published event')).event.id).toBe(sentinel.id);
    },
  };
}
