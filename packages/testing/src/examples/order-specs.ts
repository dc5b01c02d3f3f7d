// README:start

import { it } from 'vitest';
import { DeciderSpec } from '../index.js';
import { OrderClosedError, orderDecider } from './order-decider.js';

/** The order's rules, one line each; `options.store` runs them on a real store. */
export function orderSpecs(options: Parameters<typeof DeciderSpec.for>[1] = {}): void {
  const spec = DeciderSpec.for(orderDecider, options);
  const placed = { eventType: 'OrderPlaced', data: { customer: 'Ada' } } as const;

  it('places a new order', () => spec.when({ type: 'PlaceOrder', customer: 'Ada' }).then([placed]));

  it('places an order only once', () =>
    spec.given([placed]).when({ type: 'PlaceOrder', customer: 'Ada' }).thenNothing());

  it('adds items to an open order', () =>
    spec
      .given([placed])
      .when({ type: 'AddItem', sku: 'TEA', quantity: 2 })
      .then([{ eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 2 } }]));

  it('ships nothing while the order is empty', () =>
    spec.given([placed]).when({ type: 'Ship', carrier: 'DHL' }).thenNothing());

  it('refuses items once the order has shipped', () =>
    spec
      .given([
        placed,
        { eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 1 } },
        { eventType: 'OrderShipped', data: { carrier: 'DHL' } },
      ])
      .when({ type: 'AddItem', sku: 'JAM', quantity: 1 })
      .thenThrows(OrderClosedError, (error) => error.status === 'shipped'));
}
// README:end
