import { describe, expect, it } from 'vitest';
import { fieldOf } from '../test-support/validation-field.js';
import { assertSnapshotNotAhead, validateSnapshot } from './validate-snapshot.js';

const snapshot = () => ({
  actorId: 'order-1',
  version: 3,
  state: { status: 'placed', items: [{ sku: 'A-1' }] },
  timestamp: new Date('2024-05-01T10:00:00.000Z'),
});

describe('validateSnapshot', () => {
  it('returns a deeply frozen copy', () => {
    const input = snapshot();
    const copy = validateSnapshot(input);
    expect(copy).toEqual(input);
    expect(Object.isFrozen(copy)).toBe(true);
    expect(Object.isFrozen((copy.state as { items: object[] }).items[0])).toBe(true);
    input.state.items[0] = { sku: 'changed' };
    expect(copy.state).toEqual({ status: 'placed', items: [{ sku: 'A-1' }] });
    expect(copy.timestamp).not.toBe(input.timestamp);
  });

  it.each([
    ['actorId', { actorId: '' }],
    ['version', { version: 0 }],
    ['version', { version: 2.5 }],
    ['state', { state: null }],
    ['state', { state: [] }],
    ['state.f', { state: { f: () => 1 } }],
    ['state.__proto__', { state: JSON.parse('{"__proto__":{"x":1}}') }],
    ['timestamp', { timestamp: new Date(Number.NaN) }],
  ])('rejects a bad %s', (field, change) => {
    expect(fieldOf(() => validateSnapshot({ ...snapshot(), ...change }))).toBe(field);
  });

  it('rejects a non-object', () => {
    expect(fieldOf(() => validateSnapshot(null))).toBe('snapshot');
  });
});

describe('assertSnapshotNotAhead', () => {
  it('accepts a snapshot at or below the latest version', () => {
    expect(() => assertSnapshotNotAhead(validateSnapshot(snapshot()), 3)).not.toThrow();
    expect(() => assertSnapshotNotAhead(validateSnapshot(snapshot()), 10)).not.toThrow();
  });

  it('rejects a snapshot above the latest version', () => {
    expect(fieldOf(() => assertSnapshotNotAhead(validateSnapshot(snapshot()), 2))).toBe('version');
  });
});
