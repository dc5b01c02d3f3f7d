import { isValidationError } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { projectionKeys, projectionToken } from './keys.js';

describe('projection keys', () => {
  it('make a name one key token, writing "." as "=", so distinct names never share a key', () => {
    expect(projectionToken('orders.v2')).toBe('orders=v2');
    expect(projectionToken('orders-v2_b')).toBe('orders-v2_b');
    expect(projectionKeys('orders.v2')).toMatchObject({
      lease: 'lease.orders=v2',
      position: 'position.orders=v2',
      parkedFilter: 'parked.orders=v2.*',
    });
    expect(projectionKeys('orders.v2').parked(42)).toBe('parked.orders=v2.42');
    // One token: the parked keys of "orders" never match those of "orders.v2".
    expect(projectionKeys('orders').parkedFilter).toBe('parked.orders.*');
  });

  it('refuse a name runProjection refuses, naming the field', () => {
    for (const name of ['', 'a b', 'ä', 'a*', 'a>', 'x'.repeat(201)]) {
      let error: unknown;
      try {
        projectionToken(name);
      } catch (err) {
        error = err;
      }
      expect(isValidationError(error), name).toBe(true);
      expect((error as { field: string }).field).toBe('projection');
    }
  });
});
