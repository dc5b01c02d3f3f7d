import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.js';

const snapshot = { actorId: 'order-1', version: 4, state: { total: 12 }, timestamp: new Date(9) };

describe('snapshot codec', () => {
  it('round-trips a snapshot with the stream sequence it covers', () => {
    const decoded = decodeSnapshot(encodeSnapshot({ snapshot, streamSequence: 42 }), 'order-1');
    expect(decoded).toEqual({ snapshot, streamSequence: 42 });
    expect(Object.isFrozen(decoded?.snapshot.state)).toBe(true);
  });

  it('ignores values that are not a valid snapshot of the actor', () => {
    const encoder = new TextEncoder();
    expect(decodeSnapshot(encoder.encode('garbage'), 'order-1')).toBeUndefined();
    expect(decodeSnapshot(encoder.encode('{"actorId":"order-1","version":0}'), 'order-1')).toBeUndefined();
    expect(decodeSnapshot(encodeSnapshot({ snapshot, streamSequence: 1 }), 'order-2')).toBeUndefined();
  });

  it('treats a missing or bad stream sequence as unknown (0)', () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ ...snapshot, timestamp: snapshot.timestamp.toISOString() }),
    );
    expect(decodeSnapshot(bytes, 'order-1')?.streamSequence).toBe(0);
  });
});
