import { describe, expect, it, vi } from 'vitest';
import {
  findSubscriptionOverflowError,
  isSubscriptionOverflowError,
  SUBSCRIPTION_OVERFLOW,
  SubscriptionOverflowError,
} from './subscription-overflow-error.js';

describe('SubscriptionOverflowError', () => {
  it('has a stable code, the subscription details and a message that says what to do', () => {
    const err = new SubscriptionOverflowError({ namespacePattern: 'orders.*', bufferSize: 1024 });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('SubscriptionOverflowError');
    expect(err.code).toBe('SUBSCRIPTION_OVERFLOW');
    expect(SUBSCRIPTION_OVERFLOW).toBe('SUBSCRIPTION_OVERFLOW');
    expect(err.namespacePattern).toBe('orders.*');
    expect(err.bufferSize).toBe(1024);
    expect(err.message).toContain('"orders.*"');
    expect(err.message).toContain('1024');
    expect(err.message).toContain("'error'");
    expect(err.message).toContain('raise bufferSize');
  });

  it('is recognised by a second copy of the package, and through a cause chain', async () => {
    vi.resetModules();
    const copy = await import('./subscription-overflow-error.js');
    const err = new copy.SubscriptionOverflowError({ namespacePattern: '>', bufferSize: 1 });
    expect(err).not.toBeInstanceOf(SubscriptionOverflowError);
    expect(isSubscriptionOverflowError(err)).toBe(true);
    expect(findSubscriptionOverflowError(new Error('loop ended', { cause: err }))).toBe(err);
    expect(isSubscriptionOverflowError(new Error('x'))).toBe(false);
  });
});
