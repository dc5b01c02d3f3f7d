import { findVersionConflict, VersionConflictError } from '@aether/core';
import { describe, expect, it, vi } from 'vitest';
import { CircuitOpenError } from './circuit-open-error.js';
import { DeadLetterHandlerError } from './dead-letter-handler-error.js';
import { isRetryError } from './is-retry-error.js';
import { RetryAbortedError } from './retry-aborted-error.js';
import { RetryExhaustedError } from './retry-exhausted-error.js';
import { RetryFailure } from './retry-failure.js';
import { RetryQueueClosedError, RetryQueueFullError } from './retry-queue-errors.js';
import { RetryThrashingError } from './retry-thrashing-error.js';

const conflict = new VersionConflictError({ actorId: 'order-9', attemptedVersion: 4, currentVersion: 6 });

describe('error classes', () => {
  it.each([
    ['RetryExhaustedError', new RetryExhaustedError([conflict]), 'RETRY_EXHAUSTED'],
    ['RetryThrashingError', new RetryThrashingError([conflict], conflict, 3), 'RETRY_THRASHING'],
    ['RetryAbortedError', new RetryAbortedError([], new Error('stop')), 'RETRY_ABORTED'],
    [
      'CircuitOpenError',
      new CircuitOpenError({ circuit: 'store', state: 'open', retryAfterMs: 5 }),
      'CIRCUIT_OPEN',
    ],
    [
      'RetryQueueFullError',
      new RetryQueueFullError({ capacity: 2, actorId: 'a', eventId: 'e-1' }),
      'RETRY_QUEUE_FULL',
    ],
    ['RetryQueueClosedError', new RetryQueueClosedError('closed'), 'RETRY_QUEUE_CLOSED'],
    [
      'DeadLetterHandlerError',
      new DeadLetterHandlerError(['letter'], [new Error('x')]),
      'DEAD_LETTER_HANDLER_FAILED',
    ],
  ])('%s has its name, a stable code and a brand', (name, error, code) => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(isRetryError(error)).toBe(true);
    expect(isRetryError(error, code as never)).toBe(true);
    expect(isRetryError(error, code === 'CIRCUIT_OPEN' ? 'RETRY_ABORTED' : 'CIRCUIT_OPEN')).toBe(false);
  });

  it('isRetryError is false for anything else', () => {
    for (const value of [
      new Error('x'),
      conflict,
      null,
      undefined,
      'RETRY_EXHAUSTED',
      { code: 'CIRCUIT_OPEN' },
    ]) {
      expect(isRetryError(value)).toBe(false);
    }
  });

  it('isRetryError recognises an error made by a second copy of the package', async () => {
    vi.resetModules();
    const copy = await import('./retry-exhausted-error.js');
    const foreign = new copy.RetryExhaustedError([conflict]);
    expect(foreign).not.toBeInstanceOf(RetryExhaustedError);
    expect(isRetryError(foreign, 'RETRY_EXHAUSTED')).toBe(true);
  });

  it('the three retry failures share RetryFailure, freeze their errors and keep the conflict findable', () => {
    const exhausted = new RetryExhaustedError([new Error('first'), conflict]);
    expect(exhausted).toBeInstanceOf(RetryFailure);
    expect(Object.isFrozen(exhausted.errors)).toBe(true);
    expect(findVersionConflict(exhausted)).toBe(conflict);
    expect(exhausted.message).toContain('gave up after 2 attempts');
    expect(exhausted.message).toContain('VersionConflictError: version conflict for actor "order-9"');
    expect(exhausted.message).toContain('raise maxAttempts');
    expect(new RetryExhaustedError(['plain string']).message).toContain('gave up after 1 attempt;');
  });

  it('keeps long or multi-line causes out of the message', () => {
    const huge = new RetryExhaustedError([new Error(`line1\nline2 ${'x'.repeat(10_000)}`)]);
    expect(huge.message).not.toContain('\n');
    expect(huge.message.length).toBeLessThan(500);
  });

  it('CircuitOpenError says how long it stays open, or that a trial call runs', () => {
    const open = new CircuitOpenError({ circuit: 'orders-store', state: 'open', retryAfterMs: 1234 });
    expect(open.message).toContain('"orders-store"');
    expect(open.message).toContain('another 1234 ms');
    expect(open.retryAfterMs).toBe(1234);
    const halfOpen = new CircuitOpenError({ circuit: 'c', state: 'half-open', retryAfterMs: 0 });
    expect(halfOpen.message).toContain('trial call is still running');
  });

  it('RetryQueueFullError names the event, the actor, the capacity and what to do', () => {
    const full = new RetryQueueFullError({ capacity: 100, actorId: 'order-3', eventId: 'evt-7' });
    expect(full.message).toContain('retry queue is full (100 events');
    expect(full.message).toContain('"evt-7"');
    expect(full.message).toContain('"order-3"');
    expect(full.message).toContain('raise capacity');
  });
});
