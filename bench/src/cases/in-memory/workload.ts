/**
 * The work every in-memory store does, identical for each: order lines appended to order
 * actors, folded into totals. Payload objects are fresh per event, as in an application.
 */

export type OrderLine = { sku: string; quantity: number; priceCents: number };

export type Totals = { lines: number; quantity: number; totalCents: number };

export const emptyTotals: Totals = { lines: 0, quantity: 0, totalCents: 0 };

/** One append: the actor, the version it must get, and a sequence number for the payload. */
export interface AppendStep {
  readonly actorId: string;
  readonly version: number;
  readonly seq: number;
}

export function orderLine(seq: number): OrderLine {
  return { sku: `SKU-${seq % 1000}`, quantity: 1 + (seq % 5), priceCents: 1999 };
}

/** The reducer all three stores fold with: a new state object per event. */
export function addLine(totals: Totals, line: OrderLine): Totals {
  return {
    lines: totals.lines + 1,
    quantity: totals.quantity + line.quantity,
    totalCents: totals.totalCents + line.quantity * line.priceCents,
  };
}

export function actorId(index: number): string {
  return `order-${index}`;
}

/** `count` appends spread round-robin over `actors` actors: 0, 1, ..., n-1, 0, 1, ... */
export function roundRobin(count: number, actors: number): AppendStep[] {
  const steps = new Array<AppendStep>(count);
  for (let seq = 0; seq < count; seq++) {
    steps[seq] = { actorId: actorId(seq % actors), version: Math.floor(seq / actors) + 1, seq };
  }
  return steps;
}
