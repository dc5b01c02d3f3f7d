import { describe, expect, it } from 'vitest';
import { brandOf, hasBrand } from './brand.js';
import { SUBSCRIPTION_OVERFLOW, SubscriptionOverflowError } from './subscription-overflow-error.js';

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

  it('is branded so that a second copy of the package recognises it', () => {
    const err = new SubscriptionOverflowError({ namespacePattern: '>', bufferSize: 1 });
    expect(hasBrand(err, brandOf('SubscriptionOverflowError'))).toBe(true);
    expect(hasBrand(new Error('x'), brandOf('SubscriptionOverflowError'))).toBe(false);
  });
});
