import { randomUUID } from 'node:crypto';
import { type AnyEvent, encodeEvent, validateEvent } from '@aether/core';
import { PAYLOAD_BYTES } from './wire.js';

const at = new Date('2026-01-01T00:00:00.000Z');

/**
 * The i-th event of a run: an `OrderPlaced` whose JSON form (`encodeEvent`) is 256 bytes. Every
 * field has a fixed width (UUID id, 4-digit actor, 6-digit version, `sentAt` written as 17
 * characters), and `pad` fills up to the size.
 */
export function benchEvent(index: number, sentAt = 0): AnyEvent {
  const base = {
    id: randomUUID(),
    eventType: 'OrderPlaced',
    actorId: `order-${String(index % 1000).padStart(4, '0')}`,
    version: 100_000 + (index % 900_000),
    timestamp: at,
  };
  const data = { sku: 'TEA-EARL-GREY', quantity: 2, priceCents: 450, sentAt: fixedWidth(sentAt), pad: '' };
  const length = encodeEvent(validateEvent({ ...base, data })).length;
  return { ...base, data: { ...data, pad: 'x'.repeat(Math.max(0, PAYLOAD_BYTES - length)) } };
}

/** `sentAt` as a number of constant JSON width: epoch milliseconds with three decimals. */
function fixedWidth(ms: number): number {
  return ms === 0 ? 1_000_000_000_000.001 : Math.round(ms * 1000) / 1000;
}

/** A 256-byte payload carrying `sentAt` (float64) in its first 8 bytes. */
export function rawPayload(sentAt = 0): Uint8Array {
  const payload = new Uint8Array(PAYLOAD_BYTES);
  new DataView(payload.buffer).setFloat64(0, sentAt);
  return payload;
}

export function rawSentAt(payload: Uint8Array): number {
  return new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getFloat64(0);
}
