import type { ParkedEvent } from '@aether/projections';
import { describe, expect, it } from 'vitest';
import { isKvCheckpointError } from '../errors/kv-checkpoint-error.js';
import { decodeLease, decodeParked, decodePosition, encodeParked, encodeRecord } from './records.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('bucket records', () => {
  it('give a parked event back as it was parked: its events, dates and metadata', () => {
    const parked: ParkedEvent = {
      projection: 'orders',
      position: 7,
      events: [1, 2].map((version) => ({
        position: 7,
        event: {
          id: `e-${version}`,
          eventType: 'ItemAdded',
          actorId: 'order.1',
          version,
          data: { sku: 'TEA', nested: [1, 'two', null] },
          timestamp: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, version)),
          metadata: { correlationId: 'c-1' },
        },
      })),
      error: 'boom',
      attempts: 5,
      parkedAt: new Date(Date.UTC(2026, 0, 3)),
    };
    expect(decodeParked(encodeParked(parked), 'orders', 'b', 'parked.orders.7')).toEqual(parked);
  });

  it('give leases and positions back', () => {
    const lease = { holder: 'w', fencingToken: 3, expiresAt: 1_000 };
    expect(decodeLease(encodeRecord(lease), 'b', 'lease.x')).toEqual(lease);
    const released = { holder: null, fencingToken: 3, expiresAt: 0 };
    expect(decodeLease(encodeRecord(released), 'b', 'lease.x')).toEqual(released);
    expect(decodePosition(encodeRecord({ position: 9, fencingToken: 3 }), 'b', 'position.x')).toEqual({
      position: 9,
      fencingToken: 3,
    });
  });

  it('refuse a value they did not write with CORRUPT_ENTRY, in one line naming the bucket and the key', () => {
    const cases = [
      () => decodeLease(bytes('not json'), 'checkpoints', 'lease.orders'),
      () => decodeLease(bytes('{"holder":1,"fencingToken":1,"expiresAt":0}'), 'checkpoints', 'lease.orders'),
      () => decodePosition(bytes('{"position":-1,"fencingToken":0}'), 'checkpoints', 'position.orders'),
      () => decodeParked(bytes('{"position":1}'), 'orders', 'checkpoints', 'parked.orders.1'),
    ];
    for (const run of cases) {
      const error = caught(run);
      expect(isKvCheckpointError(error, 'CORRUPT_ENTRY')).toBe(true);
      expect((error as Error).message).toMatch(
        /^projection checkpoints in NATS KV bucket "checkpoints": key "/,
      );
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
