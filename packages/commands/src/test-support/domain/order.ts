// The order domain the tests (and the worker processes, hence built) use.
import type { Event } from '@aether/core';
import type { Decider } from '../../decider/decider.js';

export type OrderPlaced = Event<'OrderPlaced', { customer: string }>;
export type ItemAdded = Event<'ItemAdded', { sku: string; quantity: number; lineId?: string }>;
export type OrderShipped = Event<'OrderShipped', { carrier: string }>;
export type OrderEvent = OrderPlaced | ItemAdded | OrderShipped;

export type OrderCommand =
  | { type: 'PlaceOrder'; customer: string }
  | { type: 'AddItem'; sku: string; quantity: number; lineId?: string }
  | { type: 'Ship'; carrier: string }
  | { type: 'PlaceAndAdd'; customer: string; sku: string };

export interface Order {
  status: 'new' | 'placed' | 'shipped';
  customer: string;
  items: number;
  lines: string[];
}

/** A domain error: the kind `decide` throws to refuse a command. */
export class OrderShippedError extends Error {
  readonly code = 'ORDER_SHIPPED';
  constructor(readonly reason: string) {
    super(`the order has shipped: ${reason}`);
    this.name = 'OrderShippedError';
  }
}

export const orderDecider: Decider<Order, OrderCommand, OrderEvent> = {
  initialState: () => ({ status: 'new', customer: '', items: 0, lines: [] }),
  evolve: (state, event) => {
    switch (event.eventType) {
      case 'OrderPlaced':
        return { ...state, status: 'placed', customer: event.data.customer };
      case 'ItemAdded':
        return {
          ...state,
          items: state.items + event.data.quantity,
          lines: event.data.lineId === undefined ? state.lines : [...state.lines, event.data.lineId],
        };
      case 'OrderShipped':
        return { ...state, status: 'shipped' };
    }
  },
  decide: (command, state) => {
    if (state.status === 'shipped') throw new OrderShippedError(`cannot ${command.type}`);
    switch (command.type) {
      case 'PlaceOrder':
        return state.status === 'new'
          ? [{ eventType: 'OrderPlaced', data: { customer: command.customer } }]
          : [];
      case 'AddItem': {
        const { sku, quantity, lineId } = command;
        return [
          {
            eventType: 'ItemAdded',
            data: lineId === undefined ? { sku, quantity } : { sku, quantity, lineId },
          },
        ];
      }
      case 'Ship':
        return [{ eventType: 'OrderShipped', data: { carrier: command.carrier } }];
      case 'PlaceAndAdd':
        return [
          { eventType: 'OrderPlaced', data: { customer: command.customer } },
          { eventType: 'ItemAdded', data: { sku: command.sku, quantity: 1 } },
        ];
    }
  },
};
