import { isValidationError } from '@aether/core';
import { boundedSubjectToken } from '@aether/core/adapter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkNamespaceLength,
  eventSubject,
  MAX_NAMESPACE_BYTES,
  parseEventSubject,
  subscriptionSubjects,
  validateSubjectPrefix,
} from './subject-layout.js';

describe('subscriptionSubjects', () => {
  it('listens on every type and actor of the namespace pattern when there are no filters', () => {
    expect(subscriptionSubjects('app', 'orders.>', undefined, undefined)).toEqual(['app.*.*.orders.>']);
    expect(subscriptionSubjects('app', '*', [], undefined)).toEqual(['app.*.*.*']);
  });

  it('subscribes one subject per listed event type, each once, encoded', () => {
    expect(
      subscriptionSubjects('app', 'orders', ['OrderPlaced', 'Order.Shipped', 'OrderPlaced'], undefined),
    ).toEqual(['app.OrderPlaced.*.orders', 'app.Order~002EShipped.*.orders']);
  });

  it('puts a literal actor pattern into the subject, and leaves wildcard patterns to the bus', () => {
    expect(subscriptionSubjects('app', 'orders', undefined, 'order.eu.1')).toEqual([
      'app.*.order~002Eeu~002E1.orders',
    ]);
    expect(subscriptionSubjects('app', 'orders', undefined, 'order.*')).toEqual(['app.*.*.orders']);
    expect(subscriptionSubjects('app', 'orders', undefined, 'order.>')).toEqual(['app.*.*.orders']);
  });
});

describe('parseEventSubject', () => {
  it('reads back what eventSubject wrote', () => {
    const namespace = fc
      .array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { minLength: 1, maxLength: 5 })
      .map((tokens) => tokens.join('.'));
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), namespace, (type, actor, ns) => {
        const subject = eventSubject('app.bus', boundedSubjectToken(type), boundedSubjectToken(actor), ns);
        expect(parseEventSubject('app.bus', subject)).toEqual({
          typeToken: boundedSubjectToken(type),
          actorToken: boundedSubjectToken(actor),
          namespace: ns,
        });
      }),
    );
  }, 60_000);

  it('refuses subjects of another shape or prefix', () => {
    for (const subject of [
      'app',
      'app.',
      'app.T',
      'app.T.A',
      'apps.T.A.orders',
      'other.T.A.orders',
      'appx.T.A.o',
    ])
      expect(parseEventSubject('app', subject)).toBeUndefined();
  });
});

describe('validateSubjectPrefix', () => {
  it.each(['', 'a..b', 'a.*', 'a.>', 'a b', '.a', 7, undefined, 'x'.repeat(257)])('refuses %j', (prefix) => {
    let error: unknown;
    try {
      validateSubjectPrefix(prefix);
    } catch (err) {
      error = err;
    }
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'subjectPrefix' });
  });

  it('accepts subject tokens', () => {
    expect(validateSubjectPrefix('shop.bus')).toBe('shop.bus');
  });
});

describe('checkNamespaceLength', () => {
  it('counts UTF-8 bytes', () => {
    expect(() => checkNamespaceLength('a'.repeat(MAX_NAMESPACE_BYTES), 'namespace')).not.toThrow();
    expect(() => checkNamespaceLength('é'.repeat(MAX_NAMESPACE_BYTES / 2 + 1), 'namespace')).toThrow(
      expect.objectContaining({ field: 'namespace' }),
    );
    expect(() => checkNamespaceLength('a'.repeat(MAX_NAMESPACE_BYTES + 1), 'namespacePattern')).toThrow(
      expect.objectContaining({ field: 'namespacePattern' }),
    );
  });
});
