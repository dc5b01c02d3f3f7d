import { describe, expect, it } from 'vitest';
import { findValidationError } from '../errors/validation-error.js';
import type { AnyEvent } from '../event.js';
import { MAX_EVENT_BYTES } from './event-size.js';
import { validateBatch } from './validate-batch.js';

const event = (version: number, overrides: Partial<AnyEvent> = {}): AnyEvent => ({
  id: `e-${version}`,
  eventType: 'ItemAdded',
  actorId: 'order-1',
  version,
  data: { version },
  timestamp: new Date(1000 + version),
  ...overrides,
});

const fieldOf = (events: unknown) => {
  try {
    validateBatch(events);
  } catch (error) {
    return findValidationError(error)?.field;
  }
  return undefined;
};

describe('validateBatch', () => {
  it('returns the records of consecutive versions of one actor', () => {
    const records = validateBatch([event(4), event(5), event(6)]);
    expect(records.map((record) => record.version)).toEqual([4, 5, 6]);
    expect(Object.isFrozen(records[0]?.data)).toBe(true);
  });

  it('names what is wrong, the index included', () => {
    expect(fieldOf([])).toBe('events');
    expect(fieldOf(event(1))).toBe('events');
    expect(fieldOf([event(1), event(2, { actorId: 'order-2' })])).toBe('events[1].actorId');
    expect(fieldOf([event(1), event(3)])).toBe('events[1].version');
    expect(fieldOf([event(2), event(2)])).toBe('events[1].version');
    expect(fieldOf([event(1), event(2, { id: ' x' })])).toBe('events[1].id');
    expect(fieldOf([event(1), { ...event(2), data: { n: 1n } }])).toBe('events[1].data.n');
  });

  it('refuses events that together encode to more than MAX_EVENT_BYTES as an array, and takes them just below', () => {
    // Three events whose JSON array is exactly MAX_EVENT_BYTES long, then one byte more.
    const frame = (filler: string) => [0, 1, 2].map((index) => event(index + 1, { data: { filler } }));
    const size = (filler: string) =>
      Buffer.byteLength(
        JSON.stringify(frame(filler).map((e) => ({ ...e, timestamp: e.timestamp.toISOString() }))),
      );
    const base = size('');
    const exact = 'x'.repeat(Math.floor((MAX_EVENT_BYTES - base) / 3));
    const padding = MAX_EVENT_BYTES - size(exact);
    const fits = [...frame(exact)];
    fits[0] = event(1, { data: { filler: exact + 'y'.repeat(padding) } });
    expect(() => validateBatch(fits)).not.toThrow();
    const tooBig = [...fits];
    tooBig[0] = event(1, { data: { filler: `${exact}${'y'.repeat(padding)}z` } });
    expect(fieldOf(tooBig)).toBe('events');
  });
});
