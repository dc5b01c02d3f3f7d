import { type Event, ValidationError } from '@aether/core';
import { encodeEvent } from '@aether/core/adapter';
import { describe, expect, it } from 'vitest';
import { checkEventSize } from './event-size.js';
import { sameEvent } from './same-event.js';

const base: Event = {
  id: 'evt-1',
  eventType: 'Added',
  actorId: 'order-1',
  version: 1,
  data: { items: [{ sku: 'a', qty: 1 }], note: 'x' },
  timestamp: new Date(5),
  metadata: { correlationId: 'c' },
};

describe('sameEvent', () => {
  it('matches the same fact whatever the key order', () => {
    const reordered: Event = {
      ...base,
      data: { note: 'x', items: [{ qty: 1, sku: 'a' }] },
      timestamp: new Date(5),
    };
    expect(sameEvent(base, reordered)).toBe(true);
    expect(sameEvent({ ...base, metadata: undefined }, { ...base, metadata: {} })).toBe(true);
  });

  it('tells apart events that differ in any field', () => {
    for (const change of [
      { eventType: 'Removed' },
      { actorId: 'order-2' },
      { version: 2 },
      { timestamp: new Date(6) },
      { data: { items: [{ sku: 'a', qty: 2 }], note: 'x' } },
      { data: { items: [{ sku: 'a', qty: 1 }] } },
      { data: { items: [], note: 'x' } },
      { metadata: { correlationId: 'd' } },
    ]) {
      expect(sameEvent(base, { ...base, ...change } as Event), JSON.stringify(change)).toBe(false);
    }
  });
});

describe('checkEventSize', () => {
  it('accepts an event whose JSON plus headers fits max_payload and refuses one byte more', () => {
    const payload = encodeEvent(base);
    const headers =
      'NATS/1.0\r\nNats-Msg-Id: \t18446744073709551615\r\nNats-Expected-Last-Subject-Sequence: 18446744073709551615\r\n'
        .length + 'Aether-Follows: 18446744073709551615\r\n\r\n'.length;
    const exact = payload.length + headers + base.id.length;
    expect(() => checkEventSize(base.id, payload, exact)).not.toThrow();
    expect(() => checkEventSize(base.id, payload, exact - 1)).toThrow(ValidationError);
    expect(() => checkEventSize(base.id, payload, exact - 1)).toThrow(/max_payload of/);
  });
});
