import { type EventLog, isValidationError, ValidationError } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import { memoryCheckpoints } from '../checkpoints/memory-checkpoints.js';
import type { Projection } from '../projection.js';
import { recording } from '../test-support/unit-kit.js';
import { runProjection } from './run-projection.js';

const noop = async (): Promise<void> => undefined;

// What runProjection threw, synchronously: bad input never gets as far as a runner.
function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect(isValidationError(error)).toBe(true);
    return error as ValidationError;
  }
  throw new Error('runProjection accepted it');
}

describe('runProjection refuses bad input at once, with a ValidationError naming the field', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['no projection', undefined, 'projection', /must be an object with a name and an apply function/],
    ['a projection without a name', { apply: noop }, 'projection.name', /got undefined/],
    ['an empty name', { name: '', apply: noop }, 'projection.name', /got ""/],
    ['a name with spaces', { name: 'a b', apply: noop }, 'projection.name', /letters, digits/],
    ['a name of 201 characters', { name: 'x'.repeat(201), apply: noop }, 'projection.name', /1 to 200/],
    ['a projection without apply', { name: 'orders' }, 'projection.apply', /must be a function/],
    [
      'an apply that is no function',
      { name: 'orders', apply: 'yes' },
      'projection.apply',
      /must be a function/,
    ],
    [
      'eventTypes that are no array',
      { name: 'o', apply: noop, eventTypes: 'A' },
      'projection.eventTypes',
      /array/,
    ],
    [
      'an empty event type',
      { name: 'o', apply: noop, eventTypes: [''] },
      'projection.eventTypes',
      /non-empty/,
    ],
  ])('%s', (_case, projection, field, message) => {
    const error = refusal(() =>
      runProjection(new InMemoryEventStore(), projection as Projection, { checkpoints: memoryCheckpoints() }),
    );
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`invalid ${field}:`);
  });

  it.each<[string, object, string]>([
    ['a batch size of 0', { batchSize: 0 }, 'batchSize'],
    ['a negative batch size', { batchSize: -5 }, 'batchSize'],
    ['a fractional batch size', { batchSize: 2.5 }, 'batchSize'],
    ['a batch size of NaN', { batchSize: Number.NaN }, 'batchSize'],
    ['a batch size given as text', { batchSize: '100' }, 'batchSize'],
    ['a batch size over 10,000', { batchSize: 10_001 }, 'batchSize'],
    ['maxAttempts of 0', { maxAttempts: 0 }, 'maxAttempts'],
    ['a lease of 10 ms', { leaseTtlMs: 10 }, 'leaseTtlMs'],
    ['a lease of Infinity', { leaseTtlMs: Number.POSITIVE_INFINITY }, 'leaseTtlMs'],
    ['an unknown poison policy', { onPoison: 'skip' }, 'onPoison'],
    ['an empty holder', { holder: '' }, 'holder'],
    ['checkpoints that are no checkpoint store', { checkpoints: {} }, 'checkpoints'],
    ['no checkpoints', { checkpoints: undefined }, 'checkpoints'],
  ])('%s', (_case, options, field) => {
    const { projection } = recording();
    const error = refusal(() =>
      runProjection(new InMemoryEventStore(), projection, { checkpoints: memoryCheckpoints(), ...options }),
    );
    expect(error.field).toBe(field);
  });

  it('a batch size message says what is allowed and what was given', () => {
    const error = refusal(() =>
      runProjection(new InMemoryEventStore(), recording().projection, {
        checkpoints: memoryCheckpoints(),
        batchSize: -1,
      }),
    );
    expect(error.message).toBe('invalid batchSize: must be a whole number from 1 to 10000, got -1');
  });

  it('a store without a log to follow', () => {
    const error = refusal(() =>
      runProjection({ getEvents: noop } as unknown as EventLog, recording().projection, {
        checkpoints: memoryCheckpoints(),
      }),
    );
    expect(error.field).toBe('store');
  });
});
