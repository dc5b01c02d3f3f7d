import { validateEvent } from '@aether/core';
import { resolveSubscription } from '@aether/core/adapter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRemoteFilter } from './remote-filter.js';

const event = (eventType: string, actorId: string) =>
  validateEvent({ id: 'e', eventType, actorId, version: 1, data: {}, timestamp: new Date(0) });

describe('compileRemoteFilter', () => {
  it('agrees with the full subscription filter on events of a namespace the pattern matches', () => {
    const types = fc.constantFrom('A', 'B', 'C.d');
    const actorToken = fc.constantFrom('order', 'eu', '1', 'x y', '😀');
    const actorId = fc.array(actorToken, { minLength: 1, maxLength: 4 }).map((tokens) => tokens.join('.'));
    const patternToken = fc.constantFrom('order', 'eu', '1', '*');
    const actorPattern = fc.oneof(
      fc.constant(undefined),
      fc
        .tuple(fc.array(patternToken, { minLength: 1, maxLength: 3 }), fc.boolean())
        .map(([tokens, rest]) => (rest ? [...tokens, '>'] : tokens).join('.')),
    );
    fc.assert(
      fc.property(
        fc.option(fc.uniqueArray(types, { maxLength: 3 }), { nil: undefined }),
        actorPattern,
        types,
        actorId,
        (eventTypes, pattern, type, actor) => {
          const full = resolveSubscription('orders', { eventTypes, actorPattern: pattern }).filter;
          const remote = compileRemoteFilter(eventTypes, pattern);
          const candidate = event(type, actor);
          expect(remote(candidate)).toBe(full('orders', candidate));
        },
      ),
    );
  }, 60_000);
});
