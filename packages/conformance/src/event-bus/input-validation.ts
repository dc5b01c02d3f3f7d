import type { AnyEvent, EventBus, SubscribeOptions } from '@aether/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BusFixture } from '../bus-kit/bus-fixture.js';
import {
  invalidEventChanges,
  invalidNamespaces,
  invalidPatterns,
  invalidSubscribeOptions,
} from '../bus-kit/invalid-inputs.js';
import { expectRejectedWithValidationError, expectThrownValidationError } from '../bus-kit/outcomes.js';
import { type Reader, reader } from '../bus-kit/reader.js';

export function inputValidationTests({ newBus, events, settle, timeoutMs, testTimeout }: BusFixture): void {
  describe('input validation', () => {
    let bus: EventBus;
    let all: Reader;

    beforeEach(async () => {
      bus = await newBus();
      all = reader(bus.subscribe('>'), timeoutMs);
      await settle(bus, bus);
    }, testTimeout);

    /** The first thing `all` receives is a valid event published now: the rejected one was never delivered. */
    const expectNothingDelivered = async (): Promise<void> => {
      await settle(bus, bus);
      const sentinel = events.next();
      await bus.publish('orders', sentinel);
      expect((await all.next('the valid event')).event.id).toBe(sentinel.id);
    };

    it.each(invalidNamespaces)(
      'publish rejects a namespace with %s with a ValidationError',
      async (_case, namespace) => {
        await expectRejectedWithValidationError(() => bus.publish(namespace as string, events.next()));
        await expectNothingDelivered();
      },
    );

    it.each(invalidEventChanges)(
      'publish rejects an event with %s with a ValidationError',
      async (_case, change) => {
        const event = { ...events.next(), ...change } as AnyEvent;
        await expectRejectedWithValidationError(() => bus.publish('orders', event));
        await expectNothingDelivered();
      },
    );

    it('publish rejects something that is not an event with a ValidationError', async () => {
      await expectRejectedWithValidationError(() => bus.publish('orders', null as unknown as AnyEvent));
      await expectRejectedWithValidationError(() =>
        bus.publish('orders', 'OrderPlaced' as unknown as AnyEvent),
      );
      await expectNothingDelivered();
    });

    it.each(invalidPatterns)(
      'subscribe throws a ValidationError for a namespace pattern with %s',
      (_case, pattern) => {
        expectThrownValidationError(() => bus.subscribe(pattern as string));
      },
    );

    it.each(invalidSubscribeOptions)(
      'subscribe throws a ValidationError for %s',
      (_case, subscribeOptions) => {
        expectThrownValidationError(() => bus.subscribe('orders', subscribeOptions as SubscribeOptions));
      },
    );
  });
}
