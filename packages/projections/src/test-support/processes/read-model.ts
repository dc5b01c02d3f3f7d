import type { AnyEvent, RecordedEvent } from '@aether/core';

/** One actor's row of the test read model. */
export interface ActorTotals {
  events: number;
  amount: number;
  lastVersion: number;
}

/**
 * The read model of the projection tests: per actor, how many events, the sum of their `amount`
 * and the last version, plus how many times each `(actorId, version)` was applied, which is what
 * shows an event missed or applied twice. The oracle is the same fold over `readAll`.
 */
export class ReadModel {
  readonly totals = new Map<string, ActorTotals>();
  readonly applications = new Map<string, number>();
  /** Events that came out of order for their actor (version not last + 1). */
  readonly outOfOrder: string[] = [];

  apply(recorded: RecordedEvent<AnyEvent>): void {
    const event = recorded.event;
    const key = `${event.actorId}@${event.version}`;
    this.applications.set(key, (this.applications.get(key) ?? 0) + 1);
    const row = this.totals.get(event.actorId) ?? { events: 0, amount: 0, lastVersion: 0 };
    if (event.version !== row.lastVersion + 1) this.outOfOrder.push(key);
    row.events++;
    row.amount += Number((event.data as { amount?: number }).amount ?? 0);
    row.lastVersion = event.version;
    this.totals.set(event.actorId, row);
  }

  /** The `(actorId, version)` keys applied more than once. */
  appliedTwice(): string[] {
    return [...this.applications].filter(([, count]) => count > 1).map(([key]) => key);
  }

  /** The rows, sorted by actor id: what two models are compared by. */
  rows(): Array<[string, ActorTotals]> {
    return [...this.totals].sort(([a], [b]) => a.localeCompare(b));
  }
}

/** The read model that applying `events` once each, in order, gives: the oracle. */
export function oracle(events: readonly RecordedEvent<AnyEvent>[]): ReadModel {
  const model = new ReadModel();
  for (const recorded of events) model.apply(recorded);
  return model;
}
