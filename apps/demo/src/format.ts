import type { Event } from '@aether/core';
import type { OrderState } from './order.js';

export function describeEvent(event: Event<string, unknown>): string {
  return `${event.eventType.padEnd(12)} ${event.actorId} v${event.version} ${JSON.stringify(event.data)}`;
}

export function describeState(state: OrderState): string {
  const lines = state.lines.map((line) => `${line.quantity}x ${line.sku}`).join(', ') || 'no items';
  return `${state.status}, customer ${state.customer ?? '-'}, ${lines}, total ${(state.totalCents / 100).toFixed(2)}`;
}
