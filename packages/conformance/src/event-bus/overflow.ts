import type { AnyEvent, Delivery } from '@aether/core';
import { expect, it } from 'vitest';
import type { BusPair } from '../bus-kit/bus-pair.js';
import { ids } from '../bus-kit/event-sequence.js';
import { within } from '../bus-kit/within.js';

/** Bounded buffers: the default size and policy, each overflow policy, and exact `dropped` counts. */
export function overflowTests({
  events,
  open,
  publishAll,
  settle,
  expectNothingElseBuffered,
  timeoutMs,
}: BusPair): void {
  it("defaults to a buffer of 1024 events and 'drop-oldest'", async () => {
    const subscription = await open('orders');
    const batch = events.many(1030);
    await publishAll('orders', batch);
    await settle();
    expect(subscription.subscription.dropped).toBe(6);
    expect(ids(await subscription.take(1024, 'the newest 1024 events'))).toEqual(ids(batch.slice(6)));
    await expectNothingElseBuffered(subscription);
  });

  for (const [overflow, kept, keptEvents] of [
    ['drop-oldest', 'newest', (batch: AnyEvent[]) => batch.slice(7)],
    ['drop-newest', 'oldest', (batch: AnyEvent[]) => batch.slice(0, 3)],
  ] as const) {
    it(`'${overflow}' keeps the ${kept} events and counts exactly the discarded ones`, async () => {
      const subscription = await open('orders', { bufferSize: 3, overflow });
      const batch = events.many(10);
      await publishAll('orders', batch);
      await settle();
      expect(subscription.subscription.dropped).toBe(7);
      expect(ids(await subscription.take(3, `the ${kept} three events`))).toEqual(ids(keptEvents(batch)));
      await expectNothingElseBuffered(subscription);
      expect(subscription.subscription.dropped).toBe(7);
    });
  }

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
}
