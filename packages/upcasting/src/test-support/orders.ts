import { randomUUID } from 'node:crypto';
import type { AnyEvent, Event } from '@aether/core';
import { defineUpcasters } from '../chain/define-upcasters.js';
import { upcast } from '../chain/upcaster-chain.js';

// An order whose OrderPlaced changed shape twice: v1 had a customer name only, v2 added the
// currency, v3 made the customer an object. ItemAdded never changed (version 1).
export type PlacedV1 = { customer: string };
export type PlacedV2 = { customer: string; currency: string };
export type PlacedV3 = { customer: { name: string }; currency: string };
export type OrderEvent =
  | Event<'OrderPlaced', PlacedV3>
  | Event<'ItemAdded', { sku: string; quantity: number }>;

export const orderUpcasters = defineUpcasters<OrderEvent>({
  OrderPlaced: upcast<PlacedV1>()
    .to(2, (v1) => ({ ...v1, currency: 'EUR' }))
    .to(3, (v2) => ({ customer: { name: v2.customer }, currency: v2.currency })),
});

export interface Order {
  customer: string | undefined;
  currency: string | undefined;
  items: number;
}

export const emptyOrder: Order = { customer: undefined, currency: undefined, items: 0 };

export function evolve(order: Order, event: OrderEvent): Order {
  if (event.eventType === 'OrderPlaced') {
    return { ...order, customer: event.data.customer.name, currency: event.data.currency };
  }
  return { ...order, items: order.items + event.data.quantity };
}

/** An event as some version of the code saved it: `schemaVersion` undefined is a v1 event without a stamp. */
export function stored(
  actorId: string,
  version: number,
  eventType: string,
  data: Record<string, unknown>,
  schemaVersion?: string,
): AnyEvent {
  return {
    id: `evt-${randomUUID()}`,
    eventType,
    actorId,
    version,
    data,
    timestamp: new Date(1_700_000_000_000 + version),
    ...(schemaVersion === undefined ? {} : { metadata: { schemaVersion } }),
  };
}

/** A new actor id no other test uses. */
export const newActor = (label: string) => `order-${label}-${randomUUID()}`;
