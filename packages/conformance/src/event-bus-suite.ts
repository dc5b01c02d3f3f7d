import { randomUUID } from 'node:crypto';
import {
  type AnyEvent,
  type Delivery,
  type EventBus,
  isValidationError,
  type SubscribeOptions,
  type Subscription,
} from '@aether/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** What the suite tells `makeBus` about the test it is making a bus for. */
export interface EventBusFactoryContext {
  /**
   * A fresh token per test (letters, digits and `-`, also a valid NATS subject token). Buses made
   * with the same scope form one network: with `crossBus`, an event published on one reaches the
   * others. Buses made with different scopes must never see each other's events, because the
   * suite subscribes to `>`; a NATS bus can use the scope as its subject prefix.
   */
  readonly scope: string;
}

/** Makes a new, open bus for one test; the suite closes every bus it made after the test. */
export type EventBusFactory = (context: EventBusFactoryContext) => EventBus | Promise<EventBus>;

export interface EventBusSuiteOptions {
  /**
   * How long the suite waits for something it awaits (an event, the end of an iteration) before
   * the test fails, in milliseconds. Default 2000. Tests get five times as long in all.
   */
  timeoutMs?: number;
  /**
   * Waits until everything done so far on the two buses has taken effect: subscriptions made on
   * `subscriber` receive what `publisher` publishes from now on, and every event `publisher` has
   * published has reached (or been dropped from) the buffers of `subscriber`'s subscriptions. The
   * suite calls it after subscribing and before it checks a buffer or a `dropped` count, so it
   * never has to sleep. `publisher` and `subscriber` are the same bus unless `crossBus` is set.
   *
   * Omit it for a bus that delivers inside `publish()` (`LocalEventBus`). A NATS bus flushes the
   * subscriber's connection (its subscriptions reach the server), then the publisher's (its
   * messages reach the server), then the subscriber's again (the server sends what it routed to
   * that connection before the reply to its ping).
   */
  settle?: (publisher: EventBus, subscriber: EventBus) => Promise<void>;
  /**
   * Set when buses made with the same scope deliver to each other (another connection, another
   * process): every delivery test then runs a second time with the publisher and the subscriber on
   * two different buses of one scope.
   */
  crossBus?: boolean;
}

interface Topology {
  name: string;
  cross: boolean;
}

const at = new Date('2024-05-01T12:00:00.000Z');

/**
 * The contract every `EventBus` keeps, as a vitest suite: call it at the top level of a test file.
 *
 * ```ts
 * import { LocalEventBus } from '@aether/core';
 * import { describeEventBus } from '@aether/conformance';
 *
 * describeEventBus('LocalEventBus', () => new LocalEventBus());
 * ```
 *
 * It specifies: delivery to namespace patterns (`*`, `>`, literal tokens) and nothing outside them;
 * the `eventTypes` and `actorPattern` filters; delivered events equal to what was published and
 * deeply frozen; order per publisher; bounded buffers with exact `dropped` counts under each
 * overflow policy; a subscriber that never reads blocking neither the publisher nor other
 * subscribers; `unsubscribe()`, `break` and `close()` ending iterations; `ValidationError` for bad
 * namespaces, patterns, options and events; and a closed bus refusing work.
 */
export function describeEventBus(
  name: string,
  makeBus: EventBusFactory,
  options: EventBusSuiteOptions = {},
): void {
  const timeoutMs = options.timeoutMs ?? 2000;
  const testTimeout = timeoutMs * 5;
  const topologies: Topology[] = [{ name: 'publisher and subscriber on one bus', cross: false }];
  if (options.crossBus === true)
    topologies.push({ name: 'publisher and subscriber on two buses', cross: true });

  describe(`EventBus contract: ${name}`, { timeout: testTimeout }, () => {
    let scope = '';
    let made: EventBus[] = [];
    let events = eventFactory('');
    const newBus = async (): Promise<EventBus> => {
      const bus = await makeBus({ scope });
      made.push(bus);
      return bus;
    };

    beforeEach(() => {
      scope = `conformance-${randomUUID()}`;
      events = eventFactory(scope);
    });

    afterEach(async () => {
      const buses = made;
      made = [];
      await Promise.all(buses.map((bus) => bus.close()));
    }, testTimeout);

    for (const topology of topologies) {
      describe(topology.name, () => {
        let publisher: EventBus;
        let subscriber: EventBus;
        const settle = (): Promise<void> => options.settle?.(publisher, subscriber) ?? Promise.resolve();
        const open = async (pattern: string, subscribeOptions?: SubscribeOptions): Promise<Reader> => {
          const subscription = subscriber.subscribe(pattern, subscribeOptions);
          await settle();
          return reader(subscription, timeoutMs);
        };
        const publishAll = async (namespace: string, batch: readonly AnyEvent[]): Promise<void> => {
          for (const event of batch) await publisher.publish(namespace, event);
        };
        /** Proves a subscription to `orders` holds nothing more: a new event is the next one read. */
        const expectNothingElseBuffered = async (subscription: Reader): Promise<void> => {
          const sentinel = events.next();
          await publisher.publish('orders', sentinel);
          expect((await subscription.next('a newly published event')).event.id).toBe(sentinel.id);
        };

        beforeEach(async () => {
          subscriber = await newBus();
          publisher = topology.cross ? await newBus() : subscriber;
        }, testTimeout);

        describe('delivery', () => {
          it('delivers the event unchanged with its namespace, deeply frozen, unaffected by later changes to the original', async () => {
            const orders = await open('orders');
            const original = {
              ...events.next(),
              data: { customer: 'ada', items: [{ sku: 'tea', quantity: 2 }] },
              metadata: { correlationId: 'c-1', causationId: 'c-0' },
            };
            await publisher.publish('orders', original);
            const expected = structuredClone(original);
            original.data.customer = 'eve';
            original.data.items.push({ sku: 'coffee', quantity: 1 });
            const delivery = await orders.next('the published event');
            expect(delivery.namespace).toBe('orders');
            expect(delivery.event).toEqual(expected);
            expect(delivery.event.timestamp.getTime()).toBe(expected.timestamp.getTime());
            expect(Object.isFrozen(delivery.event)).toBe(true);
            expect(Object.isFrozen(delivery.event.data)).toBe(true);
            expect(Object.isFrozen((delivery.event.data as { items: object[] }).items[0])).toBe(true);
          });

          it('delivers each event once to every matching subscription', async () => {
            const first = await open('orders');
            const second = await open('orders');
            const third = await open('>');
            const batch = events.many(3);
            await publishAll('orders', batch);
            await settle();
            for (const subscription of [first, second, third]) {
              expect(ids(await subscription.take(3, 'the three events'))).toEqual(ids(batch));
            }
            // A duplicate would have arrived before this sentinel: everything published earlier has settled.
            const sentinel = events.next();
            await publisher.publish('orders', sentinel);
            for (const subscription of [first, second, third]) {
              expect((await subscription.next('the sentinel')).event.id).toBe(sentinel.id);
            }
          });

          it.each([
            ['orders', ['orders'], ['orders.eu', 'billing', 'orders-eu', 'eu.orders']],
            ['orders.eu', ['orders.eu'], ['orders', 'orders.eu.north', 'orders.us', 'billing.eu']],
            ['*', ['orders', 'billing'], ['orders.eu', 'a.b.c']],
            ['orders.*', ['orders.eu', 'orders.us'], ['orders', 'orders.eu.north', 'billing.eu']],
            ['*.eu', ['orders.eu', 'billing.eu'], ['eu', 'orders.us', 'orders.eu.north']],
            [
              'orders.*.north',
              ['orders.eu.north', 'orders.us.north'],
              ['orders.eu', 'orders.eu.south', 'orders.eu.north.x'],
            ],
            ['orders.>', ['orders.eu', 'orders.eu.north', 'orders.us.south.x'], ['orders', 'billing.eu']],
            ['*.eu.>', ['orders.eu.north', 'billing.eu.south.x'], ['orders.eu', 'orders.us.north']],
            ['>', ['orders', 'orders.eu', 'a.b.c.d'], []],
          ])('pattern %j receives exactly %j, never %j', async (pattern, matching, others) => {
            const subscription = await open(pattern);
            const expected: string[] = [];
            for (const namespace of [...others, ...matching]) {
              const event = events.next();
              await publisher.publish(namespace, event);
              if (matching.includes(namespace)) expected.push(`${namespace} ${event.id}`);
            }
            await settle();
            const sentinel = events.next();
            await publisher.publish(matching[0] as string, sentinel);
            expected.push(`${matching[0]} ${sentinel.id}`);
            const received = await subscription.take(expected.length, `${expected.length} events`);
            expect(received.map((delivery) => `${delivery.namespace} ${delivery.event.id}`)).toEqual(
              expected,
            );
          });

          it("isolates tenants: 'tenant-a.*' never receives 'tenant-b.*' events, nor the other way round", async () => {
            const tenantA = await open('tenant-a.*');
            const tenantB = await open('tenant-b.*');
            const sent = { 'tenant-a': [] as string[], 'tenant-b': [] as string[] };
            for (const [tenant, namespace] of [
              ['tenant-b', 'tenant-b.orders'],
              ['tenant-a', 'tenant-a.orders'],
              ['tenant-b', 'tenant-b.billing'],
              ['tenant-b', 'tenant-b.orders'],
              ['tenant-a', 'tenant-a.billing'],
            ] as const) {
              const event = events.next();
              await publisher.publish(namespace, event);
              sent[tenant].push(event.id);
            }
            await settle();
            for (const [tenant, namespace] of [
              ['tenant-a', 'tenant-a.orders'],
              ['tenant-b', 'tenant-b.orders'],
            ] as const) {
              const sentinel = events.next();
              await publisher.publish(namespace, sentinel);
              sent[tenant].push(sentinel.id);
            }
            expect(ids(await tenantA.take(3, "tenant-a's events"))).toEqual(sent['tenant-a']);
            expect(ids(await tenantB.take(4, "tenant-b's events"))).toEqual(sent['tenant-b']);
          });
        });

        describe('filters', () => {
          it('eventTypes: receives only the listed types', async () => {
            const subscription = await open('orders', { eventTypes: ['OrderPlaced', 'OrderShipped'] });
            const batch = ['ItemAdded', 'OrderPlaced', 'OrderCancelled', 'OrderShipped', 'orderplaced'].map(
              (eventType) => events.next({ eventType }),
            );
            await publishAll('orders', batch);
            await settle();
            const sentinel = events.next({ eventType: 'OrderShipped' });
            await publisher.publish('orders', sentinel);
            const received = await subscription.take(3, 'the listed types');
            expect(received.map((delivery) => delivery.event.eventType)).toEqual([
              'OrderPlaced',
              'OrderShipped',
              'OrderShipped',
            ]);
            expect(ids(received)).toEqual([batch[1]?.id, batch[3]?.id, sentinel.id]);
          });

          it('eventTypes: an empty list means every type', async () => {
            const subscription = await open('orders', { eventTypes: [] });
            const batch = ['ItemAdded', 'OrderPlaced'].map((eventType) => events.next({ eventType }));
            await publishAll('orders', batch);
            expect(ids(await subscription.take(2, 'both types'))).toEqual(ids(batch));
          });

          it.each([
            ['order-1', ['order-1'], ['order-10', 'order', 'order-1.x', 'x.order-1']],
            [
              'order.eu.*',
              ['order.eu.1', 'order.eu.2'],
              ['order.us.1', 'order.eu', 'order.eu.1.x', 'customer.eu.1'],
            ],
            ['order.>', ['order.eu', 'order.eu.1.x'], ['order', 'orders.eu', 'customer.order.1']],
            ['*.eu', ['order.eu', 'customer.eu'], ['eu', 'order.us', 'order.eu.1']],
            ['*', ['order-1', 'order 7', 'überbestellung-😀', 'a*b', 'a>b'], ['order.1', 'a.b.c']],
            ['>', ['order-1', 'order.eu.1', 'a b.c d'], []],
          ])('actorPattern %j receives actors %j, never %j', async (actorPattern, matching, others) => {
            const subscription = await open('orders', { actorPattern });
            const expected: string[] = [];
            for (const actorId of [...others, ...matching]) {
              const event = events.next({ actorId });
              await publisher.publish('orders', event);
              if (matching.includes(actorId)) expected.push(`${actorId} ${event.id}`);
            }
            await settle();
            const sentinel = events.next({ actorId: matching[0] as string });
            await publisher.publish('orders', sentinel);
            expected.push(`${sentinel.actorId} ${sentinel.id}`);
            const received = await subscription.take(expected.length, `${expected.length} events`);
            expect(received.map((delivery) => `${delivery.event.actorId} ${delivery.event.id}`)).toEqual(
              expected,
            );
          });

          it('namespace pattern, eventTypes and actorPattern must all match', async () => {
            const subscription = await open('orders.*', {
              eventTypes: ['OrderPlaced'],
              actorPattern: 'order.eu.*',
            });
            const wanted = { eventType: 'OrderPlaced', actorId: 'order.eu.1' };
            await publisher.publish('billing.eu', events.next(wanted));
            await publisher.publish('orders.eu', events.next({ ...wanted, eventType: 'ItemAdded' }));
            await publisher.publish('orders.eu', events.next({ ...wanted, actorId: 'order.us.1' }));
            await settle();
            const match = events.next(wanted);
            await publisher.publish('orders.eu', match);
            expect((await subscription.next('the one matching event')).event.id).toBe(match.id);
          });
        });

        describe('order', () => {
          it('delivers one awaiting publisher’s events in publish order, across namespaces and actors', async () => {
            const subscription = await open('orders.>');
            const batch = events.many(200, (index) => ({ actorId: `order-${index % 7}` }));
            for (const [index, event] of batch.entries()) {
              await publisher.publish(index % 3 === 0 ? 'orders.us' : 'orders.eu.north', event);
            }
            expect(ids(await subscription.take(200, '200 events'))).toEqual(ids(batch));
          });

          it('delivers in call order when the publisher does not await each publish', async () => {
            const subscription = await open('orders.>');
            const batch = events.many(200, (index) => ({ actorId: `order-${index % 7}` }));
            await Promise.all(
              batch.map((event, index) =>
                publisher.publish(index % 2 === 0 ? 'orders.us' : 'orders.eu', event),
              ),
            );
            expect(ids(await subscription.take(200, '200 events'))).toEqual(ids(batch));
          });
        });

        describe('slow subscribers and overflow', () => {
          it('a subscriber that never reads blocks neither the publisher nor another subscriber', async () => {
            const idle = await open('orders', { bufferSize: 4 });
            const active = await open('orders');
            const batch = events.many(100);
            const reading = active.take(100, 'every event, by the reading subscriber');
            await publishAll('orders', batch);
            expect(ids(await reading)).toEqual(ids(batch));
            await settle();
            expect(idle.subscription.dropped).toBe(96);
            expect(active.subscription.dropped).toBe(0);
          });

          it("defaults to a buffer of 1024 events and 'drop-oldest'", async () => {
            const subscription = await open('orders');
            const batch = events.many(1030);
            await publishAll('orders', batch);
            await settle();
            expect(subscription.subscription.dropped).toBe(6);
            expect(ids(await subscription.take(1024, 'the newest 1024 events'))).toEqual(ids(batch.slice(6)));
            await expectNothingElseBuffered(subscription);
          });

          it("'drop-oldest' keeps the newest events and counts exactly the discarded ones", async () => {
            const subscription = await open('orders', { bufferSize: 3, overflow: 'drop-oldest' });
            const batch = events.many(10);
            await publishAll('orders', batch);
            await settle();
            expect(subscription.subscription.dropped).toBe(7);
            expect(ids(await subscription.take(3, 'the newest three events'))).toEqual(ids(batch.slice(7)));
            await expectNothingElseBuffered(subscription);
            expect(subscription.subscription.dropped).toBe(7);
          });

          it("'drop-newest' keeps the oldest events and counts exactly the discarded ones", async () => {
            const subscription = await open('orders', { bufferSize: 3, overflow: 'drop-newest' });
            const batch = events.many(10);
            await publishAll('orders', batch);
            await settle();
            expect(subscription.subscription.dropped).toBe(7);
            expect(ids(await subscription.take(3, 'the oldest three events'))).toEqual(
              ids(batch.slice(0, 3)),
            );
            await expectNothingElseBuffered(subscription);
            expect(subscription.subscription.dropped).toBe(7);
          });

          it("'error' yields the buffered events, then throws SUBSCRIPTION_OVERFLOW, then ends; it counts the one event that did not fit", async () => {
            const subscription = await open('orders', { bufferSize: 3, overflow: 'error' });
            const batch = events.many(5);
            await publishAll('orders', batch);
            await settle();
            expect(subscription.subscription.dropped).toBe(1);
            const received: Delivery[] = [];
            const failure = await within(
              (async () => {
                for await (const delivery of subscription.subscription) received.push(delivery);
              })().then(
                () => new Error('the iteration ended without an error'),
                (error: unknown) => error,
              ),
              timeoutMs,
              'the overflow error',
            );
            expect(ids(received)).toEqual(ids(batch.slice(0, 3)));
            expect(failure).toBeInstanceOf(Error);
            expect(failure).toMatchObject({ code: 'SUBSCRIPTION_OVERFLOW' });
            await subscription.expectDone('the failed subscription');
            await publishAll('orders', events.many(2));
            await settle();
            expect(subscription.subscription.dropped).toBe(1);
          });

          it("'error' never fails a subscriber that keeps up", async () => {
            const subscription = await open('orders', { bufferSize: 2, overflow: 'error' });
            for (let round = 0; round < 5; round++) {
              const batch = events.many(2);
              await publishAll('orders', batch);
              await settle();
              expect(ids(await subscription.take(2, `round ${round}`))).toEqual(ids(batch));
            }
            expect(subscription.subscription.dropped).toBe(0);
          });

          it('accepts a buffer of one event', async () => {
            const subscription = await open('orders', { bufferSize: 1 });
            await publishAll('orders', events.many(2));
            await settle();
            expect(subscription.subscription.dropped).toBe(1);
          });
        });

        describe('ending a subscription', () => {
          it('unsubscribe() ends a pending read', async () => {
            const subscription = await open('orders');
            const pending = subscription.iterator.next();
            subscription.subscription.unsubscribe();
            expect((await within(pending, timeoutMs, 'the pending read to end')).done).toBe(true);
          });

          it('unsubscribe() discards unread events, stops delivery and is idempotent; other subscriptions go on', async () => {
            const subscription = await open('orders', { bufferSize: 3 });
            const other = await open('orders');
            await publishAll('orders', events.many(3));
            await settle();
            subscription.subscription.unsubscribe();
            subscription.subscription.unsubscribe();
            // Still subscribed, its full buffer would now count drops.
            await publishAll('orders', events.many(3));
            await settle();
            expect(subscription.subscription.dropped).toBe(0);
            await subscription.expectDone('the unsubscribed iteration');
            expect((await other.take(6, 'the other subscription’s events')).length).toBe(6);
          });

          it('breaking out of for await unsubscribes', async () => {
            const subscription = await open('orders', { bufferSize: 1, overflow: 'drop-newest' });
            const first = events.next();
            await publisher.publish('orders', first);
            let seen: string | undefined;
            await within(
              (async () => {
                for await (const delivery of subscription.subscription) {
                  seen = delivery.event.id;
                  break;
                }
              })(),
              timeoutMs,
              'the first event',
            );
            expect(seen).toBe(first.id);
            await publishAll('orders', events.many(3));
            await settle();
            expect(subscription.subscription.dropped).toBe(0);
            await reader(subscription.subscription, timeoutMs).expectDone('a new iteration after break');
          });

          it('close() ends every iteration on the bus', async () => {
            const first = await open('orders');
            const second = await open('>', { eventTypes: ['OrderPlaced'] });
            const pending = first.iterator.next();
            const looping = (async () => {
              let count = 0;
              for await (const _delivery of second.subscription) count++;
              return count;
            })();
            await subscriber.close();
            expect((await within(pending, timeoutMs, 'the pending read to end')).done).toBe(true);
            expect(await within(looping, timeoutMs, 'the for await loop to end')).toBe(0);
          });
        });
      });
    }

    describe('input validation', () => {
      let bus: EventBus;
      let all: Reader;

      beforeEach(async () => {
        bus = await newBus();
        all = reader(bus.subscribe('>'), timeoutMs);
        await options.settle?.(bus, bus);
      }, testTimeout);

      /** The first thing `all` receives is a valid event published now: the rejected one was never delivered. */
      const expectNothingDelivered = async (): Promise<void> => {
        await options.settle?.(bus, bus);
        const sentinel = events.next();
        await bus.publish('orders', sentinel);
        expect((await all.next('the valid event')).event.id).toBe(sentinel.id);
      };

      it.each([
        ['empty', ''],
        ['an empty token', 'orders..eu'],
        ['a leading dot', '.orders'],
        ['a trailing dot', 'orders.'],
        ['a * wildcard', 'orders.*'],
        ['a > wildcard', 'orders.>'],
        ['only *', '*'],
        ['only >', '>'],
        ['a * inside a token', 'orders*'],
        ['a space', 'orders eu'],
        ['a tab', 'orders\teu'],
        ['a newline', 'orders\n'],
        ['not a string', 42],
        ['undefined', undefined],
      ])('publish rejects a namespace with %s with a ValidationError', async (_case, namespace) => {
        await expectRejectedWithValidationError(() => bus.publish(namespace as string, events.next()));
        await expectNothingDelivered();
      });

      it.each([
        ['an empty id', { id: '' }],
        ['an empty eventType', { eventType: '' }],
        ['an empty actorId', { actorId: '' }],
        ['version 0', { version: 0 }],
        ['a fractional version', { version: 1.5 }],
        ['a version above the largest safe integer', { version: 2 ** 53 }],
        ['an invalid Date', { timestamp: new Date(Number.NaN) }],
        ['a timestamp that is not a Date', { timestamp: '2024-05-01T12:00:00.000Z' }],
        ['data that is not an object', { data: [1, 2] }],
        ['data holding a function', { data: { total: () => 1 } }],
        ['data holding a BigInt', { data: { total: 10n } }],
        ['metadata that is not a string', { metadata: { retries: 3 } }],
      ])('publish rejects an event with %s with a ValidationError', async (_case, change) => {
        const event = { ...events.next(), ...change } as AnyEvent;
        await expectRejectedWithValidationError(() => bus.publish('orders', event));
        await expectNothingDelivered();
      });

      it('publish rejects something that is not an event with a ValidationError', async () => {
        await expectRejectedWithValidationError(() => bus.publish('orders', null as unknown as AnyEvent));
        await expectRejectedWithValidationError(() =>
          bus.publish('orders', 'OrderPlaced' as unknown as AnyEvent),
        );
        await expectNothingDelivered();
      });

      it.each([
        ['empty', ''],
        ['an empty token', 'orders..eu'],
        ['a leading dot', '.orders'],
        ['a trailing dot', 'orders.'],
        ['> before the last token', 'orders.>.eu'],
        ['> as the first of two tokens', '>.orders'],
        ['a * inside a token', 'orders*'],
        ['a > inside a token', 'orders.eu>'],
        ['a space', 'orders eu'],
        ['only a space', ' '],
        ['not a string', 42],
      ])('subscribe throws a ValidationError for a namespace pattern with %s', (_case, pattern) => {
        expectThrownValidationError(() => bus.subscribe(pattern as string));
      });

      it.each([
        ['an empty actor pattern', { actorPattern: '' }],
        ['an actor pattern with an empty token', { actorPattern: 'order..1' }],
        ['an actor pattern with > before the last token', { actorPattern: 'order.>.1' }],
        ['an actor pattern with * inside a token', { actorPattern: 'order-*' }],
        ['an actor pattern that is not a string', { actorPattern: 7 }],
        ['bufferSize 0', { bufferSize: 0 }],
        ['a negative bufferSize', { bufferSize: -1 }],
        ['a fractional bufferSize', { bufferSize: 1.5 }],
        ['bufferSize NaN', { bufferSize: Number.NaN }],
        ['bufferSize Infinity', { bufferSize: Number.POSITIVE_INFINITY }],
        ['a bufferSize above the largest safe integer', { bufferSize: 2 ** 53 }],
        ['a bufferSize given as a string', { bufferSize: '8' }],
        ['an unknown overflow policy', { overflow: 'drop-all' }],
        ['an empty overflow policy', { overflow: '' }],
        ['eventTypes given as a string', { eventTypes: 'OrderPlaced' }],
        ['an empty event type', { eventTypes: [''] }],
        ['an event type that is not a string', { eventTypes: [42] }],
        ['options that are not an object', 'fast'],
      ])('subscribe throws a ValidationError for %s', (_case, subscribeOptions) => {
        expectThrownValidationError(() => bus.subscribe('orders', subscribeOptions as SubscribeOptions));
      });
    });

    describe('a closed bus', () => {
      it('rejects publish with an error saying the bus is closed, throws on subscribe, and closes again quietly', async () => {
        const bus = await newBus();
        await bus.close();
        let published: Promise<void> | undefined;
        expect(() => {
          published = bus.publish('orders', events.next());
        }, 'publish must return a rejected promise, not throw').not.toThrow();
        await expect(published).rejects.toThrow(/closed/i);
        expect(() => bus.subscribe('orders')).toThrow(/closed/i);
        await expect(bus.close()).resolves.toBeUndefined();
      });
    });
  });
}

/** One iterator over a subscription, read with a deadline. */
interface Reader {
  readonly subscription: Subscription;
  readonly iterator: AsyncIterator<Delivery>;
  /** The next delivery; fails after the suite's timeout, or if the iteration ends. */
  next(what: string): Promise<Delivery>;
  take(count: number, what: string): Promise<Delivery[]>;
  /** The iteration has ended (or ends within the timeout). */
  expectDone(what: string): Promise<void>;
}

function reader(subscription: Subscription, timeoutMs: number): Reader {
  const iterator = subscription[Symbol.asyncIterator]();
  const next = async (what: string): Promise<Delivery> => {
    const result = await within(iterator.next(), timeoutMs, what);
    if (result.done === true) throw new Error(`the subscription ended while waiting for ${what}`);
    return result.value;
  };
  return {
    subscription,
    iterator,
    next,
    async take(count, what) {
      const deliveries: Delivery[] = [];
      while (deliveries.length < count)
        deliveries.push(await next(`${what} (received ${deliveries.length} of ${count})`));
      return deliveries;
    },
    async expectDone(what) {
      const result = await within(iterator.next(), timeoutMs, `${what} to end`);
      expect(result.done, `${what} should have ended`).toBe(true);
    },
  };
}

/** Resolves as `promise` does, or rejects once `timeoutMs` have passed: the suite never sleeps. */
async function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

interface EventFactory {
  next(fields?: Partial<AnyEvent>): AnyEvent & { data: Record<string, unknown> };
  many(count: number, fields?: (index: number) => Partial<AnyEvent>): AnyEvent[];
}

function eventFactory(scope: string): EventFactory {
  let counter = 0;
  const next = (fields: Partial<AnyEvent> = {}): AnyEvent & { data: Record<string, unknown> } => {
    counter++;
    return {
      id: `${scope}-${counter}`,
      eventType: 'OrderPlaced',
      actorId: 'order-1',
      version: counter,
      data: { counter },
      timestamp: at,
      ...fields,
    } as AnyEvent & { data: Record<string, unknown> };
  };
  return {
    next,
    many: (count, fields) => Array.from({ length: count }, (_unused, index) => next(fields?.(index))),
  };
}

function ids(items: readonly (Delivery | AnyEvent)[]): string[] {
  return items.map((item) => ('event' in item ? item.event.id : item.id));
}

async function expectRejectedWithValidationError(publish: () => Promise<void>): Promise<void> {
  let result: Promise<void> | undefined;
  expect(() => {
    result = publish();
  }, 'publish must return a rejected promise, not throw').not.toThrow();
  const error = await (result as Promise<void>).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error, 'publish should have been rejected').toBeDefined();
  expect(isValidationError(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
}

function expectThrownValidationError(subscribe: () => unknown): void {
  let error: unknown;
  try {
    subscribe();
  } catch (thrown) {
    error = thrown;
  }
  expect(error, 'subscribe should have thrown').toBeDefined();
  expect(isValidationError(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
}
