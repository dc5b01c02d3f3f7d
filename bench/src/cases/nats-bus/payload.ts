import { randomUUID } from 'node:crypto';
import { payloadBytes } from '@aether/bus-nats';
import type { AnyEvent } from '@aether/core';
import { actorIdOf, PAYLOAD_BYTES } from './wire.js';

const at = new Date('2026-01-01T00:00:00.000Z');
const utf8 = new TextEncoder();

/** How many bytes a contender's payload for an event takes: each contender's events fill exactly 256. */
export type PayloadSize = (event: AnyEvent) => number;

/** Aether's payload: `NatsEventBus`'s own measure (format byte, version, timestamp, JSON of id and data). */
export const busPayloadSize: PayloadSize = payloadBytes;
/** The JSON contender's payload: the whole event as `JSON.stringify` writes it. */
export const jsonPayloadSize: PayloadSize = (event) => utf8.encode(JSON.stringify(event)).length;

/**
 * The i-th event of a run: an `OrderPlaced` whose payload, as `size` measures it, is 256 bytes.
 * Every field has a fixed width (UUID id, 4-digit actor, 6-digit version, `sentAt` written as 17
 * characters), and `pad` fills up to the size. Built as one object literal, as an application
 * writes an event: on Node 20, V8 reads the fields of an object made with `{ ...base, data }`
 * an order of magnitude slower, which measured the bench's way of building events, not the bus.
 */
export function benchEvent(index: number, size: PayloadSize, sentAt = 0): AnyEvent {
  const id = randomUUID();
  const actorId = actorIdOf(index);
  const version = 100_000 + (index % 900_000);
  const withPad = (pad: string): AnyEvent => ({
    id,
    eventType: 'OrderPlaced',
    actorId,
    version,
    data: { sku: 'TEA-EARL-GREY', quantity: 2, priceCents: 450, sentAt: fixedWidth(sentAt), pad },
    timestamp: at,
  });
  return withPad('x'.repeat(Math.max(0, PAYLOAD_BYTES - size(withPad('')))));
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
