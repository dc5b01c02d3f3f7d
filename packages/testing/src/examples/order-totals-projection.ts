// README:start
import type { Projection } from '@aether/projections';
import type { OrderEvent } from './order-decider.js';

/** An order's row: its items, and the last version applied to it. */
export interface OrderTotal {
  items: number;
  version: number;
}

/**
 * Items per order. Each row keeps the version of the last event it applied, so an event delivered
 * again (a repeated delivery, a restart after a crash before the checkpoint) changes nothing.
 */
export function orderTotals(rows: Map<string, OrderTotal>): Projection<OrderEvent, undefined> {
  return {
    name: 'order-totals',
    eventTypes: ['ItemAdded'],
    async apply(batch) {
      for (const { event } of batch) {
        if (event.eventType !== 'ItemAdded') continue;
        const row = rows.get(event.actorId) ?? { items: 0, version: 0 };
        if (event.version <= row.version) continue; // applied already
        rows.set(event.actorId, { items: row.items + event.data.quantity, version: event.version });
      }
    },
  };
}
// README:end
