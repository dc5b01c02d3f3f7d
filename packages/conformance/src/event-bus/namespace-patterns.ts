import { expect, it } from 'vitest';
import type { BusPair } from '../bus-kit/bus-pair.js';

/** A subscription receives every namespace its pattern matches, and nothing else. */
export function namespacePatternTests({ publisher, events, open, settle }: BusPair): void {
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
      await publisher().publish(namespace, event);
      if (matching.includes(namespace)) expected.push(`${namespace} ${event.id}`);
    }
    await settle();
    const sentinel = events.next();
    await publisher().publish(matching[0] as string, sentinel);
    expected.push(`${matching[0]} ${sentinel.id}`);
    const received = await subscription.take(expected.length, `${expected.length} events`);
    expect(received.map((delivery) => `${delivery.namespace} ${delivery.event.id}`)).toEqual(expected);
  });
}
