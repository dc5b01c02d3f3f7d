import { describe, expect, it } from 'vitest';
import { findValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import { resolveLogSubscription, resolveReadAll } from './log-options.js';

const fieldOf = (resolve: () => unknown) => {
  try {
    resolve();
  } catch (error) {
    return findValidationError(error)?.field;
  }
  return undefined;
};

const event = (eventType: string, actorId: string) => ({ eventType, actorId }) as Event;

describe('resolveReadAll', () => {
  it('defaults to everything after position 0', () => {
    expect(resolveReadAll(undefined)).toEqual({
      after: 0,
      limit: Number.POSITIVE_INFINITY,
      onReplayError: undefined,
      allowExpiredHistory: false,
    });
  });

  it.each([
    [{ after: -1 }, 'after'],
    [{ after: 0.5 }, 'after'],
    [{ after: Number.NaN }, 'after'],
    [{ after: 2 ** 53 }, 'after'],
    [{ limit: 0 }, 'limit'],
    [{ onReplayError: 'log' }, 'onReplayError'],
    [{ allowExpiredHistory: 1 }, 'allowExpiredHistory'],
    [[], 'options'],
  ])('refuses %o', (options, field) => {
    expect(fieldOf(() => resolveReadAll(options))).toBe(field);
  });
});

describe('resolveLogSubscription', () => {
  it("takes 'end', defaults to live from position 0, and compiles the filters", () => {
    expect(resolveLogSubscription({ after: 'end' }).after).toBe('end');
    const resolved = resolveLogSubscription({ eventTypes: ['Placed'], actorPattern: 'order.*' });
    expect(resolved.after).toBe(0);
    expect(resolved.live).toBe(true);
    expect(resolved.matches?.(event('Placed', 'order.1'))).toBe(true);
    expect(resolved.matches?.(event('Shipped', 'order.1'))).toBe(false);
    expect(resolved.matches?.(event('Placed', 'cart.1'))).toBe(false);
    expect(resolveLogSubscription({}).matches).toBeUndefined();
    expect(resolveLogSubscription({ eventTypes: [] }).matches).toBeUndefined();
  });

  it.each([
    [{ after: 'start' }, 'after'],
    [{ after: -1 }, 'after'],
    [{ live: 'no' }, 'live'],
    [{ eventTypes: [1] }, 'eventTypes[0]'],
    [{ actorPattern: 'a*' }, 'actorPattern'],
    [{ signal: { aborted: false } }, 'signal'],
  ])('refuses %o', (options, field) => {
    expect(fieldOf(() => resolveLogSubscription(options))).toBe(field);
  });
});
