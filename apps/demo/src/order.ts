import type { Event, Reducer } from '@aether/core';

export type OrderPlaced = Event<'OrderPlaced', { customer: string }>;
export type ItemAdded = Event<'ItemAdded', { sku: string; quantity: number; priceCents: number }>;
export type OrderShipped = Event<'OrderShipped', { carrier: string }>;
export type OrderEvent = OrderPlaced | ItemAdded | OrderShipped;

// Type aliases, not interfaces: an alias of a JSON shape is assignable to a snapshot's state.
export type OrderLine = { sku: string; quantity: number; priceCents: number };

export type OrderState = {
  status: 'new' | 'placed' | 'shipped';
  customer: string | null;
  lines: OrderLine[];
  totalCents: number;
};

export const emptyOrder: OrderState = { status: 'new', customer: null, lines: [], totalCents: 0 };

/** Derives an order's state from its events; `eventType` narrows each event's data. */
export const orderReducer: Reducer<OrderState, OrderEvent> = (state, event) => {
  switch (event.eventType) {
    case 'OrderPlaced':
      return { ...state, status: 'placed', customer: event.data.customer };
    case 'ItemAdded': {
      const { sku, quantity, priceCents } = event.data;
      return {
        ...state,
        lines: [...state.lines, { sku, quantity, priceCents }],
        totalCents: state.totalCents + quantity * priceCents,
      };
    }
    case 'OrderShipped':
      return { ...state, status: 'shipped' };
  }
};
