import { describe, expect, it } from 'vitest';
import { findValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import { decodeEvents, encodeEvents } from './batch-codec.js';
import { encodeEvent } from './json-codec.js';

const event = (version: number, actorId = 'order-1'): Event => ({
  id: `e-${version}`,
  eventType: 'ItemAdded',
  actorId,
  version,
  data: { version },
  timestamp: new Date(1000 + version),
});

describe('encodeEvents and decodeEvents', () => {
  it('write one event exactly as encodeEvent does, so a single save reads as it always has', () => {
    expect(encodeEvents([event(1)])).toEqual(encodeEvent(event(1)));
    expect(decodeEvents(encodeEvent(event(1)))).toEqual([event(1)]);
  });

  it('write several as a JSON array and read them back frozen, in order', () => {
    const events = [event(3), event(4), event(5)];
    const decoded = decodeEvents(encodeEvents(events));
    expect(decoded).toEqual(events);
    expect(decoded.every((item) => Object.isFrozen(item) && Object.isFrozen(item.data))).toBe(true);
  });

  it.each([
    ['not JSON', '{', 'event'],
    ['an empty array', '[]', 'events'],
    ['a number', '7', 'event'],
    ['an array holding a string', '["x"]', 'events[0]'],
    ['two actors', JSON.stringify([event(1), event(2, 'order-2')]), 'events[1]'],
    ['a gap', JSON.stringify([event(1), event(3)]), 'events[1]'],
  ])('refuse %s with a ValidationError', (_case, text, field) => {
    let error: unknown;
    try {
      decodeEvents(new TextEncoder().encode(text));
    } catch (caught) {
      error = caught;
    }
    expect(findValidationError(error)?.field).toBe(field);
  });
});
