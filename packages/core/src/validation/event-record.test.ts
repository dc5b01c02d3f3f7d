import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import {
  eventFromRecord,
  newEventRecordDraft,
  validateEvent,
  validateEventRecord,
} from './validate-event.js';

const input = () => ({
  id: 'evt-1',
  eventType: 'ItemAdded',
  actorId: 'order-1',
  version: 3,
  data: { sku: 'TEA', lines: [{ quantity: 2 }] },
  timestamp: new Date('2024-05-01T10:00:00.000Z'),
});

describe('validateEventRecord', () => {
  it('keeps the instant as epoch milliseconds and the data deeply frozen', () => {
    const record = validateEventRecord({ ...input(), metadata: { correlationId: 'c-1' } });
    expect(record.time).toBe(Date.parse('2024-05-01T10:00:00.000Z'));
    expect(Object.isFrozen(record.data)).toBe(true);
    expect(Object.isFrozen(record.data.lines)).toBe(true);
    expect(Object.isFrozen(record.metadata)).toBe(true);
  });

  it('runs the same checks as validateEvent', () => {
    expect(() => validateEventRecord({ ...input(), version: 0 })).toThrow(ValidationError);
    expect(() => validateEventRecord({ ...input(), data: { at: new Date() } })).toThrow(/data\.at/);
  });

  it('is not changed by later changes to the input', () => {
    const event = input();
    const record = validateEventRecord(event);
    event.data.lines[0] = { quantity: 99 };
    event.timestamp.setTime(0);
    expect(eventFromRecord(record)).toEqual(input());
  });
});

describe('validateEventRecord into a draft', () => {
  it('fills and returns the draft with the record it would have made', () => {
    const draft = newEventRecordDraft();
    const event = { ...input(), metadata: { correlationId: 'c-1' } };
    expect(validateEventRecord(event, draft)).toBe(draft);
    expect({ ...draft }).toEqual({ ...validateEventRecord(event) });
  });

  it('overwrites every field on reuse, metadata included', () => {
    const draft = newEventRecordDraft();
    validateEventRecord({ ...input(), metadata: { correlationId: 'c-1' } }, draft);
    validateEventRecord({ ...input(), id: 'evt-2', version: 4 }, draft);
    expect(draft).toMatchObject({ id: 'evt-2', version: 4, metadata: undefined });
  });

  it('throws the same ValidationError for a bad event', () => {
    expect(() => validateEventRecord({ ...input(), actorId: '' }, newEventRecordDraft())).toThrow(/actorId/);
  });
});

describe('eventFromRecord', () => {
  it('gives the same event validateEvent gives, with a new Date each time', () => {
    const record = validateEventRecord(input());
    const first = eventFromRecord(record);
    const second = eventFromRecord(record);
    expect(first).toEqual(validateEvent(input()));
    expect(first.timestamp).not.toBe(second.timestamp);
    first.timestamp.setTime(0);
    expect(second.timestamp.getTime()).toBe(record.time);
  });

  it('leaves metadata out when the event had none', () => {
    expect('metadata' in eventFromRecord(validateEventRecord(input()))).toBe(false);
  });
});
