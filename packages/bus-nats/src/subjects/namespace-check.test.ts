import { describe, expect, it } from 'vitest';
import { NamespaceCheck } from './namespace-check.js';

describe('NamespaceCheck', () => {
  it('refuses what validateNamespace refuses, every time, and accepts valid namespaces', () => {
    const check = new NamespaceCheck(2);
    for (let round = 0; round < 3; round++) {
      for (const namespace of ['orders', 'orders.eu', 'billing', 'orders.eu.north'])
        expect(() => check.check(namespace)).not.toThrow();
      for (const namespace of ['orders.*', 'a..b', 'a b', ''])
        expect(() => check.check(namespace)).toThrow(expect.objectContaining({ field: 'namespace' }));
    }
  });
});
