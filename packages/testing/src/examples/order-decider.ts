// README:start
import type { Decider } from '@aether/commands';
import type { Event } from '@aether/core';

type OrderPlaced = Event<'OrderPlaced', { customer: string }>;
type ItemAdded = Event<'ItemAdded', { sku: string; quantity: number }>;
type OrderShipped = Event<'OrderShipped', { carrier: string }>;
export type OrderEvent = OrderPlaced | ItemAdded | OrderShipped;

export type OrderCommand =
  | { type: 'PlaceOrder'; customer: string }
  | { type: 'AddItem'; sku: string; quantity: number }
  | { type: 'Ship'; carrier: string };

interface Order {
  status: 'none' | 'open' | 'shipped';
  items: number;
}

export class OrderClosedError extends Error {
  constructor(readonly status: Order['status']) {
    super(`the order is ${status}: no more changes`);
    this.name = 'OrderClosedError';
  }
}

export const orderDecider: Decider<Order, OrderCommand, OrderEvent> = {
  initialState: () => ({ status: 'none', items: 0 }),
  evolve: (order, event) => {
    switch (event.eventType) {
      case 'OrderPlaced':
        return { ...order, status: 'open' };
      case 'ItemAdded':
        return { ...order, items: order.items + event.data.quantity };
      case 'OrderShipped':
        return { ...order, status: 'shipped' };
    }
  },
  decide: (command, order) => {
    if (command.type === 'PlaceOrder') {
      return order.status === 'none'
        ? [{ eventType: 'OrderPlaced', data: { customer: command.customer } }]
        : [];
    }
    if (order.status !== 'open') throw new OrderClosedError(order.status);
    if (command.type === 'AddItem') {
      return [{ eventType: 'ItemAdded', data: { sku: command.sku, quantity: command.quantity } }];
    }
    if (order.items === 0) return []; // nothing to ship yet
    return [{ eventType: 'OrderShipped', data: { carrier: command.carrier } }];
  },
};
// README:end
