import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusPair } from '../bus-kit/bus-pair.js';
import { returnedPromise } from '../bus-kit/outcomes.js';
import { coreVerdict } from '../store-kit/core-verdict.js';
import { expectValidationError } from '../store-kit/outcomes.js';
import { candidateParts, ruleCandidate } from '../store-kit/rule-candidates.js';
import { uniqueIds } from '../store-kit/unique-ids.js';

/** Milliseconds the property may take: it publishes `runs` events, some near a megabyte. */
const propertyTimeout = 120_000;

export function eventRuleTests(pair: BusPair, runs: number): void {
  const { publisher, open, settle, expectNothingElseBuffered } = pair;
  const newId = uniqueIds('rules');

  describe("core's rules for ids and data", () => {
    it(
      'delivers exactly the events validateEvent accepts, as it returns them, and refuses the others on the same field (property)',
      async () => {
        const orders = await open('orders');
        await fc.assert(
          fc.asyncProperty(candidateParts, async (parts) => {
            const candidate = ruleCandidate(parts, newId('event'), 'order-1');
            const verdict = coreVerdict(candidate);
            if ('accepted' in verdict) {
              await publisher().publish('orders', candidate);
              await settle();
              const delivery = await orders.next('the accepted event');
              expect(delivery).toStrictEqual({ namespace: 'orders', event: verdict.accepted });
            } else {
              const error = await returnedPromise(() => publisher().publish('orders', candidate)).then(
                () => undefined,
                (rejection: unknown) => rejection,
              );
              expectValidationError(error, verdict.refused.field);
            }
          }),
          { numRuns: runs },
        );
        // A refused event delivered anyway would have come before the next accepted one or this.
        await expectNothingElseBuffered(orders);
      },
      propertyTimeout,
    );
  });
}
