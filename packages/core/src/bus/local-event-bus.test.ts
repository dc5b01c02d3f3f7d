import { describe, expect, it } from 'vitest';
import { SubscriptionOverflowError } from '../errors/subscription-overflow-error.js';
import { isValidationError } from '../errors/validation-error.js';
import type { AnyEvent } from '../event.js';
import type { Subscription } from '../event-bus.js';
import { LocalEventBus } from './local-event-bus.js';
import { LocalSubscription } from './local-subscription.js';

let sequence = 0;
function event(fields: Partial<AnyEvent> = {}): AnyEvent {
  sequence++;
  return {
    id: `event-${sequence}`,
    eventType: 'OrderPlaced',
    actorId: 'order-1',
    version: sequence,
    data: { sequence },
    timestamp: new Date(0),
    ...fields,
  };
}

function local(subscription: Subscription): LocalSubscription {
  expect(subscription).toBeInstanceOf(LocalSubscription);
  return subscription as LocalSubscription;
}

async function versions(subscription: Subscription, count: number): Promise<number[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  const read: number[] = [];
  for (let index = 0; index < count; index++) {
    const result = await iterator.next();
    if (result.done) throw new Error(`ended after ${index} events`);
    read.push(result.value.event.version);
  }
  return read;
}

describe('LocalEventBus', () => {
  it('keeps 100,000 events for a subscriber that never reads within its buffer, counts drops exactly and never blocks the publisher', async () => {
    const bus = new LocalEventBus();
    const idle = local(bus.subscribe('orders', { bufferSize: 1024 }));
    const reader = bus.subscribe('orders', { bufferSize: 100_000 });
    const received: number[] = [];
    const reading = (async () => {
      for await (const delivery of reader) {
        received.push(delivery.event.version);
        if (received.length === 100_000) break;
      }
    })();
    let mostBuffered = 0;
    for (let version = 1; version <= 100_000; version++) {
      // Each publish resolves although `idle` never reads: nothing in publish waits for a subscriber.
      await bus.publish('orders', event({ version }));
      mostBuffered = Math.max(mostBuffered, idle.buffered);
    }
    expect(mostBuffered).toBe(1024);
    expect(idle.buffered).toBe(1024);
    expect(idle.dropped).toBe(100_000 - 1024);
    await reading;
    expect(received).toHaveLength(100_000);
    expect(received.every((version, index) => version === index + 1)).toBe(true);
    expect(reader.dropped).toBe(0);
    expect(await versions(idle, 3)).toEqual([100_000 - 1023, 100_000 - 1022, 100_000 - 1021]);
    await bus.close();
  }, 120_000);

  it('hands every subscriber the same deeply frozen copy, never the caller object', async () => {
    const bus = new LocalEventBus();
    const first = bus.subscribe('orders')[Symbol.asyncIterator]();
    const second = bus.subscribe('>')[Symbol.asyncIterator]();
    const original = event({ data: { items: [{ sku: 'a' }] }, metadata: { correlationId: 'c-1' } });
    await bus.publish('orders', original);
    const [a, b] = await Promise.all([first.next(), second.next()]);
    expect(a.value).toBe(b.value);
    expect(a.value?.event).not.toBe(original);
    expect(a.value?.event).toEqual(original);
    expect(Object.isFrozen(a.value)).toBe(true);
    expect(Object.isFrozen(a.value?.event)).toBe(true);
    expect(Object.isFrozen(a.value?.event.data)).toBe(true);
    expect(Object.isFrozen(a.value?.event.metadata)).toBe(true);
    await bus.close();
  });

  it('delivers inside publish, before the returned promise is awaited', () => {
    const bus = new LocalEventBus();
    const subscription = local(bus.subscribe('orders'));
    void bus.publish('orders', event());
    expect(subscription.buffered).toBe(1);
  });

  it('hands out a buffered event in an already-resolved promise', async () => {
    const bus = new LocalEventBus();
    const subscription = bus.subscribe('orders');
    await bus.publish('orders', event());
    let handedOut = false;
    void subscription[Symbol.asyncIterator]()
      .next()
      .then(() => {
        handedOut = true;
      });
    await Promise.resolve();
    expect(handedOut).toBe(true);
  });

  it('resolves several pending reads in publish order, and ends them all on unsubscribe', async () => {
    const bus = new LocalEventBus();
    const subscription = local(bus.subscribe('orders'));
    const iterator = subscription[Symbol.asyncIterator]();
    const reads = [iterator.next(), iterator.next(), iterator.next(), iterator.next()];
    await bus.publish('orders', event({ version: 41 }));
    await bus.publish('orders', event({ version: 42 }));
    expect(subscription.buffered).toBe(0);
    subscription.unsubscribe();
    const results = await Promise.all(reads);
    expect(results.map((result) => (result.done ? 'done' : result.value.event.version))).toEqual([
      41,
      42,
      'done',
      'done',
    ]);
  });

  it("with overflow 'error': yields what was buffered, throws SubscriptionOverflowError once, then is done and removed", async () => {
    const bus = new LocalEventBus();
    const subscription = local(bus.subscribe('orders.*', { bufferSize: 2, overflow: 'error' }));
    for (const version of [1, 2, 3, 4, 5]) await bus.publish('orders.eu', event({ version }));
    expect(subscription.active).toBe(false);
    expect(subscription.dropped).toBe(1);
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.event.version).toBe(1);
    expect((await iterator.next()).value?.event.version).toBe(2);
    const failure = await iterator.next().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SubscriptionOverflowError);
    expect(failure).toMatchObject({
      code: 'SUBSCRIPTION_OVERFLOW',
      namespacePattern: 'orders.*',
      bufferSize: 2,
    });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await bus.publish('orders.eu', event());
    expect(subscription.dropped).toBe(1);
    expect(subscription.buffered).toBe(0);
  });

  it('fail(error): a waiting reader gets the error; one that comes later gets the buffered events first; later failures change nothing', async () => {
    const bus = new LocalEventBus();
    const waiting = local(bus.subscribe('orders'));
    const pending = waiting[Symbol.asyncIterator]().next();
    const refused = new Error('refused by the transport');
    waiting.fail(refused);
    await expect(pending).rejects.toBe(refused);
    expect(waiting.active).toBe(false);

    const buffered = local(bus.subscribe('orders'));
    await bus.publish('orders', event({ version: 1 }));
    buffered.fail(refused);
    buffered.fail(new Error('a second failure'));
    await bus.publish('orders', event({ version: 2 }));
    const iterator = buffered[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.event.version).toBe(1);
    await expect(iterator.next()).rejects.toBe(refused);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('unsubscribing a failed subscription discards its events and its error', async () => {
    const bus = new LocalEventBus();
    const subscription = bus.subscribe('orders', { bufferSize: 1, overflow: 'error' });
    await bus.publish('orders', event());
    await bus.publish('orders', event());
    subscription.unsubscribe();
    expect(await subscription[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
  });

  it('allocates a large buffer only as events arrive', async () => {
    const bus = new LocalEventBus();
    const subscription = local(bus.subscribe('orders', { bufferSize: Number.MAX_SAFE_INTEGER }));
    for (let index = 0; index < 10; index++) await bus.publish('orders', event());
    expect(subscription.buffered).toBe(10);
    expect(subscription.dropped).toBe(0);
  });

  it('names the operation in the error after close, for publish and subscribe', async () => {
    const bus = new LocalEventBus();
    await bus.close();
    await expect(bus.publish('orders', event())).rejects.toMatchObject({
      code: 'EVENT_BUS_CLOSED',
      message: expect.stringContaining('cannot publish: the event bus is closed'),
    });
    expect(() => bus.subscribe('orders')).toThrow('cannot subscribe: the event bus is closed');
  });

  it('checks the namespace and the event before anything else is done', async () => {
    const bus = new LocalEventBus();
    const subscription = local(bus.subscribe('>'));
    await expect(bus.publish('orders.*', event())).rejects.toSatisfy(isValidationError);
    await expect(bus.publish('orders', event({ version: 0 }))).rejects.toMatchObject({ field: 'version' });
    expect(subscription.buffered).toBe(0);
  });

  it.each([
    [{ eventTypes: [''] }, 'eventTypes[0]'],
    [{ eventTypes: [7] }, 'eventTypes[0]'],
    [{ eventTypes: 'OrderPlaced' }, 'eventTypes'],
    [{ bufferSize: 0 }, 'bufferSize'],
    [{ bufferSize: 2 ** 53 }, 'bufferSize'],
    [{ overflow: 'drop-all' }, 'overflow'],
    [{ actorPattern: 'order.>.eu' }, 'actorPattern'],
    ['fast', 'options'],
  ])('names the bad option in the ValidationError: %j', (options, field) => {
    const bus = new LocalEventBus();
    expect(() => bus.subscribe('orders', options as never)).toThrow(expect.objectContaining({ field }));
  });

  it('names the namespace pattern in the ValidationError', () => {
    expect(() => new LocalEventBus().subscribe('orders..eu')).toThrow(
      expect.objectContaining({ field: 'namespacePattern' }),
    );
  });
});
