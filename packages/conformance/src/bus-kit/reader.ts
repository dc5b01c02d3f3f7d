import type { Delivery, Subscription } from '@aether/core';
import { expect } from 'vitest';
import { within } from './within.js';

/** One iterator over a subscription, read with a deadline. */
export interface Reader {
  readonly subscription: Subscription;
  readonly iterator: AsyncIterator<Delivery>;
  /** The next delivery; fails after the suite's timeout, or if the iteration ends. */
  next(what: string): Promise<Delivery>;
  take(count: number, what: string): Promise<Delivery[]>;
  /** The iteration has ended (or ends within the timeout). */
  expectDone(what: string): Promise<void>;
}

export function reader(subscription: Subscription, timeoutMs: number): Reader {
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
