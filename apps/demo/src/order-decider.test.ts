// README:start
import { DeciderSpec } from '@aether/testing';
import { it } from 'vitest';
import { OrderNotOpenError, orderDecider } from './order-decider.js';

const spec = DeciderSpec.for(orderDecider);
const placed = { eventType: 'OrderPlaced', data: { customer: 'Grace Hopper' } } as const;
const mug = { sku: 'MUG', quantity: 2, priceCents: 800 };
const box = { sku: 'GIFT-BOX', quantity: 1, priceCents: 300 };

it('adds an item to a placed order', () =>
  spec
    .given([placed])
    .when({ type: 'AddItem', item: mug })
    .then([{ eventType: 'ItemAdded', data: mug }]));

it('packs and ships in one decision of two events', () =>
  spec
    .given([placed, { eventType: 'ItemAdded', data: mug }])
    .when({ type: 'PackAndShip', box, carrier: 'Royal Mail' })
    .then([
      { eventType: 'ItemAdded', data: box },
      { eventType: 'OrderShipped', data: { carrier: 'Royal Mail' } },
    ]));

it('refuses items once the order has shipped', () =>
  spec
    .given([placed, { eventType: 'OrderShipped', data: { carrier: 'Royal Mail' } }])
    .when({ type: 'AddItem', item: mug })
    .thenThrows(OrderNotOpenError, (error) => error.status === 'shipped'));
// README:end

// The rules the README leaves out.
it('places a new order', () => spec.when({ type: 'PlaceOrder', customer: 'Grace Hopper' }).then([placed]));

it('places an order only once: placing it again changes nothing', () =>
  spec.given([placed]).when({ type: 'PlaceOrder', customer: 'Ada Lovelace' }).thenNothing());

it('takes no items before the order is placed', () =>
  spec.when({ type: 'AddItem', item: mug }).thenThrows(OrderNotOpenError, (error) => error.status === 'new'));

it('ships an order only once', () =>
  spec
    .given([placed, { eventType: 'OrderShipped', data: { carrier: 'Royal Mail' } }])
    .when({ type: 'PackAndShip', box, carrier: 'Royal Mail' })
    .thenThrows(OrderNotOpenError));
