import { isVersionConflict, ValidationError } from '@aether/core';
import { describe, expect, it, vi } from 'vitest';
import { constant } from '../backoff/constant.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import { CircuitOpenError } from '../errors/circuit-open-error.js';
import { RetryExhaustedError } from '../errors/retry-exhausted-error.js';
import { retry } from '../retry/retry.js';
import { conflict } from '../test-support/errors.js';
import { CircuitBreaker } from './circuit-breaker.js';
import type { CircuitBreakerOptions, CircuitStateChange } from './options.js';

const fail = (message = 'down') => Promise.reject(new Error(message));
const ok = () => Promise.resolve('ok');

function setup(options: CircuitBreakerOptions = {}) {
  const clock = new VirtualClock({ start: 1_000 });
  const changes: string[] = [];
  const breaker = new CircuitBreaker({
    clock,
    onStateChange: ({ from, to, at }: CircuitStateChange) => changes.push(`${from}->${to}@${at}`),
    ...options,
  });
  const failTimes = async (count: number) => {
    for (let index = 0; index < count; index++) await breaker.execute(fail).catch(() => undefined);
  };
  return { clock, breaker, changes, failTimes };
}

describe('CircuitBreaker', () => {
  it('starts closed and passes results and errors through', async () => {
    const { breaker } = setup();
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(() => 42)).resolves.toBe(42);
    await expect(breaker.execute(() => fail('nope'))).rejects.toThrow('nope');
    expect(breaker.name).toBe('circuit');
  });

  it('opens after 5 failures in a row (the default) and then fails fast without calling', async () => {
    const { breaker, changes, failTimes } = setup();
    await failTimes(4);
    expect(breaker.state).toBe('closed');
    expect(breaker.failures).toBe(4);
    await failTimes(1);
    expect(breaker.state).toBe('open');
    expect(changes).toEqual(['closed->open@1000']);
    const fn = vi.fn(ok);
    const refused = await breaker.execute(fn).catch((error: unknown) => error);
    expect(fn).not.toHaveBeenCalled();
    expect(refused).toBeInstanceOf(CircuitOpenError);
    expect((refused as CircuitOpenError).code).toBe('CIRCUIT_OPEN');
    expect((refused as CircuitOpenError).state).toBe('open');
    expect((refused as CircuitOpenError).retryAfterMs).toBe(30_000);
  });

  it('a success while closed resets the failure count', async () => {
    const { breaker, failTimes } = setup();
    await failTimes(4);
    await breaker.execute(ok);
    expect(breaker.failures).toBe(0);
    await failTimes(4);
    expect(breaker.state).toBe('closed');
  });

  it('turns half-open after openDuration (30 s by default), counting down until then', async () => {
    const { breaker, clock, changes, failTimes } = setup();
    await failTimes(5);
    await clock.advance(29_999);
    const refused = (await breaker.execute(ok).catch((error: unknown) => error)) as CircuitOpenError;
    expect(refused.retryAfterMs).toBe(1);
    expect(breaker.state).toBe('open');
    await clock.advance(1);
    expect(breaker.state).toBe('half-open');
    expect(changes).toEqual(['closed->open@1000', 'open->half-open@31000']);
  });

  it('closes after 3 successful trial calls in a row (the default)', async () => {
    const { breaker, clock, changes, failTimes } = setup();
    await failTimes(5);
    await clock.advance(30_000);
    await breaker.execute(ok);
    await breaker.execute(ok);
    expect(breaker.state).toBe('half-open');
    await breaker.execute(ok);
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['closed->open@1000', 'open->half-open@31000', 'half-open->closed@31000']);
    expect(breaker.failures).toBe(0);
  });

  it('a failed trial call opens it again for a full openDuration', async () => {
    const { breaker, clock, changes, failTimes } = setup();
    await failTimes(5);
    await clock.advance(30_000);
    await breaker.execute(ok);
    await expect(breaker.execute(() => fail('still down'))).rejects.toThrow('still down');
    expect(breaker.state).toBe('open');
    await clock.advance(29_999);
    expect(breaker.state).toBe('open');
    await clock.advance(1);
    expect(breaker.state).toBe('half-open');
    expect(changes).toEqual([
      'closed->open@1000',
      'open->half-open@31000',
      'half-open->open@31000',
      'open->half-open@61000',
    ]);
  });

  it('lets one trial call at a time through while half-open', async () => {
    const { breaker, clock, failTimes } = setup({ successThreshold: 1 });
    await failTimes(5);
    await clock.advance(30_000);
    let finish: (value: string) => void = () => undefined;
    const trial = breaker.execute(() => new Promise<string>((resolve) => (finish = resolve)));
    const second = (await breaker.execute(ok).catch((error: unknown) => error)) as CircuitOpenError;
    expect(second).toBeInstanceOf(CircuitOpenError);
    expect(second.state).toBe('half-open');
    expect(second.retryAfterMs).toBe(0);
    finish('done');
    await expect(trial).resolves.toBe('done');
    expect(breaker.state).toBe('closed');
  });

  it('ignores the late outcome of a call that started in an earlier state', async () => {
    const { breaker, clock, failTimes } = setup({ failureThreshold: 2 });
    let finishSlow: (error: Error) => void = () => undefined;
    const slow = breaker.execute(() => new Promise<string>((_, reject) => (finishSlow = reject)));
    await failTimes(2);
    await clock.advance(30_000);
    expect(breaker.state).toBe('half-open');
    finishSlow(new Error('late failure'));
    await expect(slow).rejects.toThrow('late failure');
    expect(breaker.state).toBe('half-open');
  });

  it('does not count a ValidationError as a failure, nor what isFailure rejects', async () => {
    const { breaker } = setup({ failureThreshold: 1 });
    await breaker
      .execute(() => Promise.reject(new ValidationError('id', 'must not be empty')))
      .catch(() => undefined);
    expect(breaker.state).toBe('closed');
    const picky = setup({ failureThreshold: 1, isFailure: (error) => !isVersionConflict(error) }).breaker;
    await picky.execute(() => Promise.reject(conflict(1, 2))).catch(() => undefined);
    expect(picky.state).toBe('closed');
    await picky.execute(() => fail()).catch(() => undefined);
    expect(picky.state).toBe('open');
  });

  it('passes the error that opened it to onStateChange', async () => {
    const seen: CircuitStateChange[] = [];
    const clock = new VirtualClock();
    const breaker = new CircuitBreaker({
      name: 'store',
      failureThreshold: 1,
      clock,
      onStateChange: (c) => seen.push(c),
    });
    const boom = new Error('boom');
    await breaker.execute(() => Promise.reject(boom)).catch(() => undefined);
    expect(seen).toEqual([{ circuit: 'store', from: 'closed', to: 'open', at: 0, error: boom }]);
  });

  it('reset() closes it at once', async () => {
    const { breaker, changes, failTimes } = setup();
    await failTimes(5);
    breaker.reset();
    expect(breaker.state).toBe('closed');
    expect(breaker.failures).toBe(0);
    expect(changes.at(-1)).toBe('open->closed@1000');
  });

  it('a throwing listener neither breaks the breaker nor the call', async () => {
    const onError = vi.fn();
    const previous = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', onError);
    try {
      const breaker = new CircuitBreaker({
        failureThreshold: 1,
        onStateChange: () => {
          throw new Error('listener bug');
        },
      });
      await expect(breaker.execute(() => fail('real error'))).rejects.toThrow('real error');
      expect(breaker.state).toBe('open');
      await new Promise((resolve) => setImmediate(resolve));
      expect(onError).toHaveBeenCalledWith(
        expect.objectContaining({ message: 'listener bug' }),
        expect.anything(),
      );
    } finally {
      process.removeAllListeners('uncaughtException');
      for (const listener of previous) process.on('uncaughtException', listener);
    }
  });

  it.each([
    ['failureThreshold', { failureThreshold: 0 }],
    ['successThreshold', { successThreshold: 1.5 }],
    ['openDurationMs', { openDurationMs: -1 }],
    ['name', { name: '' }],
  ])('rejects a bad %s', (field, options) => {
    expect(() => new CircuitBreaker(options)).toThrow(field);
  });
});

describe('CircuitBreaker with retry', () => {
  it('retry inside the breaker: one breaker failure per exhausted retry', async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const breaker = new CircuitBreaker({ failureThreshold: 2, clock });
    let version = 0;
    const save = vi.fn(() => Promise.reject(conflict(++version, version)));
    const attempt = () =>
      breaker.execute(() => retry(save, { clock, maxAttempts: 3, backoff: constant(10) }));
    await expect(attempt()).rejects.toBeInstanceOf(RetryExhaustedError);
    expect(breaker.state).toBe('closed');
    await expect(attempt()).rejects.toBeInstanceOf(RetryExhaustedError);
    expect(breaker.state).toBe('open');
    await expect(attempt()).rejects.toBeInstanceOf(CircuitOpenError);
    expect(save).toHaveBeenCalledTimes(6);
  });

  it('breaker inside retry: a CircuitOpenError is not retried by default and stops at once', async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const breaker = new CircuitBreaker({ failureThreshold: 2, clock });
    const save = vi.fn(() => Promise.reject(conflict(1, 1)));
    const failure = await retry(() => breaker.execute(save), {
      clock,
      maxAttempts: 10,
      backoff: constant(10),
      thrashThreshold: Number.POSITIVE_INFINITY,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CircuitOpenError);
    expect(save).toHaveBeenCalledTimes(2);
    expect(clock.sleeps).toEqual([10, 10]);
  });
});
