import { InMemoryEventStore } from '@aether/store-memory';
import { DeciderSpec } from '@aether/testing';
import { describe, it } from 'vitest';
import { OrderNotOpenError, orderDecider } from './order-decider.js';

const placed = { eventType: 'OrderPlaced', data: { customer: 'Grace Hopper' } } as const;
const mug = { sku: 'MUG', quantity: 2, priceCents: 800 };
const box = { sku: 'GIFT-BOX', quantity: 1, priceCents: 300 };

describe('the order decider through handleCommand on the in-memory store', () => {
  // Each spec also checks that the store holds exactly the events handleCommand reported.
  const spec = DeciderSpec.for(orderDecider, { store: { open: () => new InMemoryEventStore() } });

  it('stores both events of PackAndShip', () =>
    spec
      .given([placed, { eventType: 'ItemAdded', data: mug }])
      .when({ type: 'PackAndShip', box, carrier: 'Royal Mail' })
      .then([
        { eventType: 'ItemAdded', data: box },
        { eventType: 'OrderShipped', data: { carrier: 'Royal Mail' } },
      ]));

  it('stores nothing for an item the decider refuses', () =>
    spec
      .given([placed, { eventType: 'OrderShipped', data: { carrier: 'Royal Mail' } }])
      .when({ type: 'AddItem', item: mug })
      .thenThrows(OrderNotOpenError));
});
