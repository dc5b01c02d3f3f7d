import type { RecordedEvent } from '@aether/core';
import { emptyOrder, type OrderEvent, type OrderState, orderReducer } from './order.js';

/** One row of the order summaries read model. */
export interface OrderSummary {
  customer: string | null;
  /** Items ordered: the sum of the quantities added. */
  items: number;
  totalCents: number;
  status: OrderState['status'];
  /** The version of the last event applied. */
  version: number;
  /** Events applied: each event of the order exactly once. */
  events: number;
}

/**
 * The oracle: what replaying the log computes, through the same reducer as the story's
 * `loadState`. The projection writes its rows another way (SQL increments), so the two meeting is
 * a real check and not the same code run twice.
 */
export function summariesFromLog(log: readonly RecordedEvent[]): Map<string, OrderSummary> {
  const orders = new Map<string, { state: OrderState; version: number; events: number }>();
  for (const { event } of log) {
    const order = orders.get(event.actorId) ?? { state: emptyOrder, version: 0, events: 0 };
    order.state = orderReducer(order.state, event as OrderEvent);
    order.version = event.version;
    order.events++;
    orders.set(event.actorId, order);
  }
  const summaries = new Map<string, OrderSummary>();
  for (const [orderId, { state, version, events }] of orders) {
    summaries.set(orderId, {
      customer: state.customer,
      items: state.lines.reduce((sum, line) => sum + line.quantity, 0),
      totalCents: state.totalCents,
      status: state.status,
      version,
      events,
    });
  }
  return summaries;
}
