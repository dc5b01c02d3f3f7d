import { isVersionConflict, ValidationError, VersionConflictError } from '@aether/core';
import { describe, expect, it, vi } from 'vitest';
import { constant } from '../backoff/constant.js';
import { exponential } from '../backoff/exponential.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import { RetryAbortedError } from '../errors/retry-aborted-error.js';
import { RetryExhaustedError } from '../errors/retry-exhausted-error.js';
import { RetryThrashingError } from '../errors/retry-thrashing-error.js';
import { conflict, failing } from '../test-support/errors.js';
import { retry } from './retry.js';

const clock = () => new VirtualClock({ autoAdvance: true });

describe('retry', () => {
  it('returns the first success without waiting', async () => {
    const time = clock();
    const operation = failing([], 'done');
    await expect(retry(operation, { clock: time })).resolves.toBe('done');
    expect(operation.calls).toBe(1);
    expect(time.sleeps).toEqual([]);
  });

  it('accepts a synchronous operation and tells it the attempt number', async () => {
    const seen: number[] = [];
    const result = await retry(
      ({ attempt }) => {
        seen.push(attempt);
        if (attempt < 3) throw conflict(attempt, attempt);
        return attempt * 10;
      },
      { clock: clock(), backoff: constant(1) },
    );
    expect(result).toBe(30);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('by default retries conflicts 3 times with full-jitter waits from 100 ms x1.5', async () => {
    const time = clock();
    const operation = failing([conflict(1, 1), conflict(2, 2), conflict(3, 3)], 'saved');
    await expect(retry(operation, { clock: time, random: () => 0.5 })).resolves.toBe('saved');
    expect(operation.calls).toBe(4);
    expect(time.sleeps).toEqual([50, 75, 112]);
    expect(time.now()).toBe(237);
  });

  it('waits exactly what the strategy says, and reports each retry to onRetry', async () => {
    const time = clock();
    const errors = [conflict(1, 1), conflict(2, 2), conflict(3, 3), conflict(4, 4)];
    const onRetry = vi.fn();
    await retry(failing(errors, 'ok'), { clock: time, backoff: exponential(), maxAttempts: 5, onRetry });
    expect(time.sleeps).toEqual([100, 150, 225, 337]);
    expect(onRetry.mock.calls).toEqual([
      [1, 100, errors[0]],
      [2, 150, errors[1]],
      [3, 225, errors[2]],
      [4, 337, errors[3]],
    ]);
  });

  it('does not retry other errors by default: the error comes back unchanged', async () => {
    const boom = new TypeError('boom');
    const operation = failing([boom], 'never');
    await expect(retry(operation, { clock: clock() })).rejects.toBe(boom);
    expect(operation.calls).toBe(1);
  });

  it('retries what retryOn accepts, and is told the attempt that failed', async () => {
    const retryOn = vi.fn((error: unknown, _attempt: number) => error instanceof TypeError);
    const operation = failing([new TypeError('a'), new TypeError('b')], 'ok');
    await expect(retry(operation, { clock: clock(), retryOn, backoff: constant(5) })).resolves.toBe('ok');
    expect(retryOn.mock.calls.map(([, attempt]) => attempt)).toEqual([1, 2]);
  });

  it('never retries a ValidationError, even when retryOn says yes or it hides in a cause chain', async () => {
    const invalid = new ValidationError('version', 'must be a safe integer >= 1');
    const direct = failing([invalid], 'never');
    await expect(retry(direct, { clock: clock(), retryOn: () => true })).rejects.toBe(invalid);
    expect(direct.calls).toBe(1);

    const wrapped = new Error('save failed', { cause: invalid });
    const nested = failing([wrapped], 'never');
    await expect(retry(nested, { clock: clock(), retryOn: () => true })).rejects.toBe(wrapped);
    expect(nested.calls).toBe(1);
  });

  it('returns a non-retried error unchanged after earlier retries too', async () => {
    const boom = new Error('disk full');
    const operation = failing([conflict(1, 1), boom], 'never');
    await expect(retry(operation, { clock: clock(), backoff: constant(1) })).rejects.toBe(boom);
    expect(operation.calls).toBe(2);
  });

  it('gives up after maxAttempts with every error reachable and the last one as cause', async () => {
    const errors = [conflict(1, 1), conflict(2, 2), conflict(3, 3, 'order-1')];
    const time = clock();
    const failure = await retry(failing(errors, 'never'), {
      clock: time,
      maxAttempts: 3,
      backoff: constant(10),
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RetryExhaustedError);
    const exhausted = failure as RetryExhaustedError;
    expect(exhausted.code).toBe('RETRY_EXHAUSTED');
    expect(exhausted.attempts).toBe(3);
    expect(exhausted.errors).toEqual(errors);
    expect(exhausted.cause).toBe(errors[2]);
    expect(isVersionConflict(exhausted)).toBe(true);
    expect(exhausted.message).toContain('gave up after 3 attempts');
    expect(exhausted.message).toContain('attempted version 3, current version is 3');
    expect(time.sleeps).toEqual([10, 10]);
  });

  it('maxAttempts 1 runs once and wraps the retryable error', async () => {
    const time = clock();
    const failure = await retry(failing([conflict(1, 1)], 'never'), { clock: time, maxAttempts: 1 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(RetryExhaustedError);
    expect((failure as RetryExhaustedError).attempts).toBe(1);
    expect(time.sleeps).toEqual([]);
  });

  it('maxAttempts Infinity keeps going until it succeeds', async () => {
    const errors = Array.from({ length: 50 }, (_, index) => conflict(index + 1, index + 1));
    const operation = failing(errors, 'finally');
    await expect(
      retry(operation, { clock: clock(), maxAttempts: Number.POSITIVE_INFINITY, backoff: constant(1) }),
    ).resolves.toBe('finally');
    expect(operation.calls).toBe(51);
  });

  it.each([
    ['maxAttempts', { maxAttempts: 0 }],
    ['maxAttempts', { maxAttempts: 2.5 }],
    ['thrashThreshold', { thrashThreshold: 0 }],
  ])('rejects a bad %s before running anything', async (field, options) => {
    const operation = failing([], 'x');
    await expect(retry(operation, options)).rejects.toThrow(field);
    expect(operation.calls).toBe(0);
  });

  it('rejects a backoff strategy that returns something other than a number', async () => {
    const operation = failing([conflict(1, 1)], 'x');
    await expect(retry(operation, { clock: clock(), backoff: () => Number.NaN })).rejects.toThrow(
      'the backoff strategy returned NaN',
    );
  });

  it('clamps a negative wait to 0 and rounds a fractional one down', async () => {
    const time = clock();
    const waits = [-20, 12.9];
    await retry(failing([conflict(1, 1), conflict(2, 2)], 'ok'), {
      clock: time,
      backoff: () => waits.shift() ?? 0,
    });
    expect(time.sleeps).toEqual([0, 12]);
  });
});

describe('retry: thrash detection', () => {
  it('stops early after 3 conflicts in a row at the same current version (the default)', async () => {
    const errors = [conflict(5, 7), conflict(5, 7), conflict(5, 7)];
    const operation = failing([...errors, conflict(5, 7)], 'never');
    const failure = await retry(operation, { clock: clock(), maxAttempts: 10, backoff: constant(1) }).catch(
      (error: unknown) => error,
    );
    expect(operation.calls).toBe(3);
    expect(failure).toBeInstanceOf(RetryThrashingError);
    const thrashing = failure as RetryThrashingError;
    expect(thrashing.code).toBe('RETRY_THRASHING');
    expect(thrashing.actorId).toBe('order-1');
    expect(thrashing.currentVersion).toBe(7);
    expect(thrashing.repeats).toBe(3);
    expect(thrashing.errors).toEqual(errors);
    expect(thrashing.cause).toBe(errors[2]);
    expect(isVersionConflict(thrashing)).toBe(true);
    expect(thrashing.message).toContain('3 conflicts in a row reported current version 7');
    expect(thrashing.message).toContain('re-read the latest version before every attempt');
  });

  it('takes its threshold: 2 stops at the second repeat, as the Go pattern did', async () => {
    const operation = failing([conflict(1, 3), conflict(1, 3)], 'never');
    await expect(
      retry(operation, { clock: clock(), thrashThreshold: 2, backoff: constant(1) }),
    ).rejects.toBeInstanceOf(RetryThrashingError);
    expect(operation.calls).toBe(2);
  });

  it('does not count conflicts at moving versions, or of different actors', async () => {
    const moving = failing([conflict(1, 2), conflict(3, 3), conflict(4, 4), conflict(5, 5)], 'ok');
    await expect(retry(moving, { clock: clock(), maxAttempts: 5, backoff: constant(1) })).resolves.toBe('ok');
    const actors = failing([conflict(1, 2, 'a'), conflict(1, 2, 'b'), conflict(1, 2, 'a')], 'ok');
    await expect(retry(actors, { clock: clock(), backoff: constant(1) })).resolves.toBe('ok');
  });

  it('starts counting again after an error that is not a conflict', async () => {
    const operation = failing([conflict(1, 2), conflict(1, 2), new TypeError('flaky'), conflict(1, 2)], 'ok');
    await expect(
      retry(operation, { clock: clock(), maxAttempts: 5, backoff: constant(1), retryOn: () => true }),
    ).resolves.toBe('ok');
  });

  it('can be turned off with Infinity', async () => {
    const operation = failing(
      Array.from({ length: 6 }, () => conflict(1, 2)),
      'ok',
    );
    await expect(
      retry(operation, {
        clock: clock(),
        maxAttempts: 7,
        thrashThreshold: Number.POSITIVE_INFINITY,
        backoff: constant(1),
      }),
    ).resolves.toBe('ok');
  });
});

describe('retry: abort', () => {
  it('makes no attempt when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    const operation = failing([], 'x');
    const failure = await retry(operation, { signal: controller.signal }).catch((error: unknown) => error);
    expect(operation.calls).toBe(0);
    expect(failure).toBeInstanceOf(RetryAbortedError);
    expect((failure as RetryAbortedError).code).toBe('RETRY_ABORTED');
    expect((failure as RetryAbortedError).attempts).toBe(0);
    expect((failure as RetryAbortedError).reason).toBe(controller.signal.reason);
    expect((failure as RetryAbortedError).message).toContain('shutting down');
  });

  it('cuts a wait short and makes no further attempt', async () => {
    const time = new VirtualClock();
    const controller = new AbortController();
    const first = conflict(1, 1);
    const operation = failing([first], 'never');
    const running = retry(operation, {
      clock: time,
      signal: controller.signal,
      backoff: constant(60_000),
    }).catch((error: unknown) => error);
    await time.settle();
    expect(time.pending).toBe(1);
    controller.abort(new Error('user cancelled'));
    const failure = (await running) as RetryAbortedError;
    expect(failure).toBeInstanceOf(RetryAbortedError);
    expect(failure.attempts).toBe(1);
    expect(failure.errors).toEqual([first]);
    expect(failure.cause).toBe(controller.signal.reason);
    expect(time.pending).toBe(0);
    expect(time.now()).toBe(0);
    await time.advance(120_000);
    expect(operation.calls).toBe(1);
  });

  it('reports an abort that happens during an attempt as an abort, with that attempt error', async () => {
    const controller = new AbortController();
    const failure = await retry(
      async ({ signal }) => {
        controller.abort(new Error('stop'));
        signal?.throwIfAborted();
        return 'never';
      },
      { signal: controller.signal, retryOn: () => true },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RetryAbortedError);
    expect((failure as RetryAbortedError).errors).toEqual([controller.signal.reason]);
  });

  it('a successful attempt wins over an abort that comes during it', async () => {
    const controller = new AbortController();
    await expect(
      retry(
        async () => {
          controller.abort();
          return 'landed';
        },
        { signal: controller.signal },
      ),
    ).resolves.toBe('landed');
  });

  it('rethrows a clock failure that is not an abort', async () => {
    const broken = { now: () => 0, sleep: () => Promise.reject(new Error('clock broke')) };
    await expect(retry(failing([conflict(1, 1)], 'x'), { clock: broken })).rejects.toThrow('clock broke');
  });

  it('waits with the real clock by default, and an abort clears the timer', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const running = retry(failing([conflict(1, 1)], 'x'), {
        signal: controller.signal,
        backoff: constant(30_000),
      }).catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(0);
      expect(vi.getTimerCount()).toBe(1);
      controller.abort();
      expect(await running).toBeInstanceOf(RetryAbortedError);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('retry: errors from other copies', () => {
  it('retries a conflict that only carries the code and fields', async () => {
    const foreign = Object.assign(new Error('conflict'), {
      code: 'VERSION_CONFLICT',
      actorId: 'a',
      attemptedVersion: 1,
      currentVersion: 1,
    });
    expect(foreign).not.toBeInstanceOf(VersionConflictError);
    const operation = failing([foreign], 'ok');
    await expect(retry(operation, { clock: clock() })).resolves.toBe('ok');
  });
});
