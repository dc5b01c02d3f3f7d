import type { AnyEvent, Delivery } from '@aether/core';

/** A published event whose `data` a test may change afterwards. */
export type BusEvent = AnyEvent & { data: Record<string, unknown> };

/**
 * Small valid events numbered per test: ids `<scope>-1`, `<scope>-2`, ..., an `OrderPlaced` of
 * actor `order-1` at the event's number as version. `fields` replaces whole fields.
 */
export interface EventSequence {
  next(fields?: Partial<AnyEvent>): BusEvent;
  many(count: number, fields?: (index: number) => Partial<AnyEvent>): AnyEvent[];
  /** Starts again at 1, with ids that begin with the new test's `scope`. */
  restart(scope: string): void;
}

const at = new Date('2024-05-01T12:00:00.000Z');

export function eventSequence(): EventSequence {
  let scope = '';
  let counter = 0;
  const next = (fields: Partial<AnyEvent> = {}): BusEvent => {
    counter++;
    return {
      id: `${scope}-${counter}`,
      eventType: 'OrderPlaced',
      actorId: 'order-1',
      version: counter,
      data: { counter },
      timestamp: at,
      ...fields,
    } as BusEvent;
  };
  return {
    next,
    many: (count, fields) => Array.from({ length: count }, (_unused, index) => next(fields?.(index))),
    restart(newScope) {
      scope = newScope;
      counter = 0;
    },
  };
}

/** The event ids of deliveries or events, in order. */
export function ids(items: readonly (Delivery | AnyEvent)[]): string[] {
  return items.map((item) => ('event' in item ? item.event.id : item.id));
}
