import type { Event } from '@aether/core';
import type { OrderState } from './order.js';

export function describeEvent(event: Event<string, unknown>): string {
  return `${event.eventType.padEnd(12)} ${event.actorId} v${event.version} ${JSON.stringify(event.data)}`;
}

export function describeState(state: OrderState): string {
  const lines = state.lines.map((line) => `${line.quantity}x ${line.sku}`).join(', ') || 'no items';
  return `${state.status}, customer ${state.customer ?? '-'}, ${lines}, total ${(state.totalCents / 100).toFixed(2)}`;
}

/** A count and its noun, singular for exactly 1: `1 event`, `2 events`, `0 retries`. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** `version 1` or `versions 1-N`. */
export function versionRange(last: number): string {
  return last === 1 ? 'version 1' : `versions 1-${last}`;
}
