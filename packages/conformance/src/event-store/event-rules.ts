import type { EventStore } from '@aether/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreVerdict } from '../store-kit/core-verdict.js';
import { expectValidationError, rejectionOf } from '../store-kit/outcomes.js';
import { candidateParts, ruleCandidate } from '../store-kit/rule-candidates.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

/** Milliseconds the property may take: it saves and reads `runs` events, some near a megabyte. */
const propertyTimeout = 120_000;

export function eventRuleTests({ store, newId }: SuiteContext<EventStore>, runs: number): void {
  describe("core's rules for ids and data", () => {
    it(
      'accepts exactly the events validateEvent accepts, reads back what it returns, and refuses the others on the same field (property)',
      async () => {
        await fc.assert(
          fc.asyncProperty(candidateParts, async (parts) => {
            const actorId = newId('rules');
            const candidate = ruleCandidate(parts, newId('event'), actorId);
            const verdict = coreVerdict(candidate);
            if ('accepted' in verdict) {
              await store().saveEvent(candidate);
              expect(await store().getEvents(actorId)).toStrictEqual([verdict.accepted]);
            } else {
              const error = await rejectionOf(() => store().saveEvent(candidate));
              expectValidationError(error, verdict.refused.field);
              expect(await store().getLatestVersion(actorId)).toBe(0);
            }
          }),
          { numRuns: runs },
        );
      },
      propertyTimeout,
    );
  });
}
