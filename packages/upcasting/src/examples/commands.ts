import { type Decider, handleCommand } from '@aether/commands';
import type { Event } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { defineUpcasters, upcast, withUpcasting } from '../index.js';

type Deposited = Event<'Deposited', { amount: number; currency: string }>; // v1 had no currency

const raw = new InMemoryEventStore();
const store = withUpcasting(
  raw,
  defineUpcasters<Deposited>({
    Deposited: upcast<{ amount: number }>().to(2, (v1) => ({ ...v1, currency: 'EUR' })),
  }),
  // Raise it when evolve's state changes shape: snapshots made before are then ignored.
  { stateVersion: 1 },
);

const account: Decider<{ euros: number }, { deposit: number }, Deposited> = {
  initialState: () => ({ euros: 0 }),
  evolve: ({ euros }, { data }) => ({ euros: euros + (data.currency === 'EUR' ? data.amount : 0) }),
  decide: ({ deposit }) => [{ eventType: 'Deposited', data: { amount: deposit, currency: 'EUR' } }],
};

// A deposit saved by the code of before: schema version 1, no currency.
const old = { id: 'dep-1', actorId: 'account-1', version: 1, eventType: 'Deposited', data: { amount: 70 } };
await raw.saveEvent({ ...old, timestamp: new Date() });

// handleCommand takes any EventStore: it decides on upcast events, and saves stamped ones.
const result = await handleCommand(store, 'account-1', { deposit: 30 }, account, { snapshotEvery: 1 });
console.log(`euros: ${result.state.euros} at version ${result.version}`);
for (const { version, data, metadata } of await raw.getEvents('account-1')) {
  console.log(
    `stored v${version}: ${JSON.stringify(data)} schemaVersion ${metadata?.schemaVersion ?? '(none: 1)'}`,
  );
}
console.log(`snapshot: ${JSON.stringify((await store.getLatestSnapshot('account-1'))?.state)}`);
