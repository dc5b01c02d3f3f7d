// README:start
import type { Decider } from '@aether/commands';
import { emptyOrder, type OrderEvent, type OrderLine, type OrderState, orderReducer } from './order.js';

export type OrderCommand =
  | { type: 'PlaceOrder'; customer: string }
  | { type: 'AddItem'; item: OrderLine }
  | { type: 'PackAndShip'; box: OrderLine; carrier: string };

export class OrderNotOpenError extends Error {
  readonly code = 'ORDER_NOT_OPEN';
  constructor(readonly status: OrderState['status']) {
    super(
      status === 'new'
        ? 'the order is not placed yet, place it first'
        : 'the order has shipped, no more changes',
    );
    this.name = 'OrderNotOpenError';
  }
}

/** The order's rules: what each command does to an order in a given state. */
export const orderDecider: Decider<OrderState, OrderCommand, OrderEvent> = {
  initialState: () => emptyOrder,
  evolve: orderReducer, // the same reducer loadState and replay use
  decide: (command, order) => {
    if (command.type === 'PlaceOrder') {
      if (order.status !== 'new') return []; // placed already: placing again changes nothing
      return [{ eventType: 'OrderPlaced', data: { customer: command.customer } }];
    }
    if (order.status !== 'placed') throw new OrderNotOpenError(order.status);
    if (command.type === 'AddItem') return [{ eventType: 'ItemAdded', data: command.item }];
    // One decision, two events: handleCommand stores them together or not at all.
    return [
      { eventType: 'ItemAdded', data: command.box },
      { eventType: 'OrderShipped', data: { carrier: command.carrier } },
    ];
  },
};
// README:end
