import type { EventStore } from '@aether/core';
import type { ItemAdded, OrderEvent, OrderLine, OrderShipped } from './order.js';
import type { EventFactory } from './order-events.js';

export interface ShipOrderContext {
  store: EventStore;
  events: EventFactory;
  print: (line: string) => void;
  orderId: string;
  /** Announces each saved event (on the bus); default: nowhere. */
  publish?: (event: OrderEvent) => Promise<void>;
}

const giftBox: OrderLine = { sku: 'GIFT-BOX', quantity: 1, priceCents: 300 };

/**
 * One decision that produces two events: pack the order in a gift box and ship it. Saved apart, a
 * crash between the two saves would leave a boxed order that never ships; `saveEvents` stores both
 * in one call, all or nothing, at one position in the log.
 */
export async function shipInGiftBox(context: ShipOrderContext): Promise<void> {
  const { store, events, print, orderId } = context;
  const version = await store.getLatestVersion(orderId);
  const boxed = events.next<ItemAdded>(orderId, version + 1, 'ItemAdded', giftBox);
  const shipped = events.next<OrderShipped>(orderId, version + 2, 'OrderShipped', { carrier: 'Royal Mail' });
  print(
    `Clerk Ada: order at v${version}, packing it in a ${giftBox.sku} and shipping it: one decision, ` +
      `two events (ItemAdded v${boxed.version}, OrderShipped v${shipped.version})`,
  );
  await store.saveEvents([boxed, shipped]);
  for (const event of [boxed, shipped]) await context.publish?.(event);
  print(
    `Clerk Ada: saved v${boxed.version} and v${shipped.version} in one saveEvents call (atomic: both or neither)`,
  );
}
