import { type Decider, handleCommand } from '@aether/commands';
import type { AnyEvent, EventStore } from '@aether/core';
import type { Outcome } from './outcome.js';
import { SpecFailure } from './spec-failure.js';
import type { SpecStore } from './store-factory.js';

/**
 * Saves the given events to a store from `specStore`, then runs the command through
 * `handleCommand` (one attempt: a spec has no competing writer). Checks on the way that the store
 * holds exactly the events `handleCommand` reported, and nothing after a throw.
 */
export async function runWithStore<State, Command, E extends AnyEvent>(
  decider: Decider<State, Command, E>,
  given: readonly E[],
  command: Command,
  specStore: SpecStore,
  actorId: string,
): Promise<Outcome> {
  const store = await specStore.open();
  try {
    if (given.length > 0) await store.saveEvents(given);
    let events: E[];
    try {
      ({ events } = await handleCommand(store, actorId, command, decider, { retry: { maxAttempts: 1 } }));
    } catch (error) {
      await expectStored(store, actorId, given.length, []);
      return { kind: 'threw', error };
    }
    await expectStored(store, actorId, given.length, events);
    return { kind: 'events', events };
  } finally {
    await specStore.dispose?.(store);
  }
}

async function expectStored(store: EventStore, actorId: string, given: number, events: readonly AnyEvent[]) {
  const stored = await store.getEvents(actorId, given + 1);
  const ids = (list: readonly AnyEvent[]) => list.map((event) => `${event.version}:${event.id}`).join(', ');
  if (ids(stored) !== ids(events)) {
    throw new SpecFailure(
      `the store holds other new events (${ids(stored) || 'none'}) than handleCommand reported (${ids(events) || 'none'})`,
    );
  }
}
