import { randomUUID } from 'node:crypto';
import type { Decider } from '@aether/commands';
import type { Event } from '@aether/core';
import { addLine, emptyTotals, type OrderLine, orderLine, type Totals } from '../in-memory/workload.js';

/** The one event of the command cases: the in-memory group's order line. */
export type ItemAdded = Event<'ItemAdded', OrderLine>;

/** The one command: add this line to the order. */
export interface AddItem {
  readonly type: 'AddItem';
  readonly line: OrderLine;
}

export function addItem(seq: number): AddItem {
  return { type: 'AddItem', line: orderLine(seq) };
}

/** Decide and evolve as every contender runs them: one event per command, folded with `addLine`. */
export function decide(command: AddItem): { eventType: 'ItemAdded'; data: OrderLine } {
  return { eventType: 'ItemAdded', data: command.line };
}

export const orderDecider: Decider<Totals, AddItem, ItemAdded> = {
  initialState: () => emptyTotals,
  evolve: (totals, event) => addLine(totals, event.data),
  decide: (command) => [decide(command)],
};

/** Events 1..count of an actor's history, as an application would have saved them. */
export function history(actorId: string, count: number, firstSeq = 1): ItemAdded[] {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    eventType: 'ItemAdded',
    actorId,
    version: index + 1,
    data: orderLine(firstSeq + index),
    timestamp: new Date(),
  }));
}
