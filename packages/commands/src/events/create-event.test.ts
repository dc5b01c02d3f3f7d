import { validateEvent } from '@aether/core';
import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../test-support/domain/order.js';
import { createEvent } from './create-event.js';

describe('createEvent', () => {
  it('builds a valid event: a UUID v7 id, the time now, the fields given', () => {
    const before = Date.now();
    const event = createEvent<OrderEvent>('order-1', 3, 'ItemAdded', { sku: 'TEA', quantity: 2 });
    expect(event).toMatchObject({
      actorId: 'order-1',
      version: 3,
      eventType: 'ItemAdded',
      data: { sku: 'TEA', quantity: 2 },
    });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(event.timestamp.getTime()).toBeGreaterThanOrEqual(before);
    expect(event.timestamp.getTime()).toBeLessThanOrEqual(Date.now());
    expect(event).not.toHaveProperty('metadata');
    expect(() => validateEvent(event)).not.toThrow();
  });

  it('copies the metadata it is given', () => {
    const metadata = { correlationId: 'c-1' };
    const event = createEvent<OrderEvent>('order-1', 1, 'OrderPlaced', { customer: 'Ada' }, metadata);
    metadata.correlationId = 'changed';
    expect(event.metadata).toEqual({ correlationId: 'c-1' });
  });
});
