import { describe, expect, it } from 'vitest';
import { causeChain } from './cause-chain.js';
import { type AetherError, errorKind, isRetryable } from './error-kind.js';

type Code = 'SLOW' | 'GONE';

class SampleError extends Error implements AetherError {
  readonly code: Code;
  readonly retryable: boolean;
  constructor(code: Code, options?: { cause?: unknown }) {
    super(`sample ${code}`, options);
    this.code = code;
    this.retryable = code === 'SLOW';
    samples.mark(this);
  }
}
const samples = errorKind<SampleError>('@aether/test.SampleError');

describe('errorKind', () => {
  it('recognises its errors, optionally by code', () => {
    const err = new SampleError('SLOW');
    expect(samples.is(err)).toBe(true);
    expect(samples.is(err, 'SLOW', 'GONE')).toBe(true);
    expect(samples.is(err, 'GONE')).toBe(false);
    expect(samples.find(err)).toBe(err);
  });

  it('finds one anywhere in a cause chain, the outermost first', () => {
    const inner = new SampleError('GONE');
    const outer = new SampleError('SLOW', { cause: new Error('wrapped', { cause: inner }) });
    expect(samples.find(outer)).toBe(outer);
    expect(samples.find(outer, 'GONE')).toBe(inner);
    expect(samples.find(new Error('x', { cause: inner }))).toBe(inner);
  });

  it('recognises an error marked by another copy of the package (the same name, another kind object)', () => {
    const copy = errorKind<SampleError>('@aether/test.SampleError');
    expect(copy.is(new SampleError('GONE'))).toBe(true);
    expect(errorKind<SampleError>('@aether/test.OtherError').is(new SampleError('GONE'))).toBe(false);
  });

  it('is false for anything that is not of the kind', () => {
    for (const value of [null, undefined, 'SLOW', 7, new Error('SLOW'), { code: 'SLOW' }]) {
      expect(samples.is(value), String(value)).toBe(false);
    }
  });
});

describe('isRetryable', () => {
  it('asks the outermost Aether error in the chain, looking through other wrappers', () => {
    expect(isRetryable(new SampleError('SLOW'))).toBe(true);
    expect(isRetryable(new SampleError('GONE'))).toBe(false);
    expect(isRetryable(new Error('app wrapper', { cause: new SampleError('SLOW') }))).toBe(true);
    // An Aether error that wraps a retryable one decides for itself.
    expect(isRetryable(new SampleError('GONE', { cause: new SampleError('SLOW') }))).toBe(false);
  });

  it('is false for errors no Aether package made, whatever they claim', () => {
    expect(isRetryable(Object.assign(new Error('x'), { retryable: true }))).toBe(false);
    expect(isRetryable(undefined)).toBe(false);
  });
});

describe('causeChain', () => {
  it('walks err, its cause, and so on, and stops after 32 steps even on a cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    expect([...causeChain(b)]).toEqual([b, a]);
    (a as { cause?: unknown }).cause = b;
    expect([...causeChain(b)]).toHaveLength(32);
    expect([...causeChain('text')]).toEqual([]);
  });
});
