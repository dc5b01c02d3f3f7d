// README:start
import type { Event } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { createEvent } from '../index.js';

type Opened = Event<'AccountOpened', { owner: string }>;
type Deposited = Event<'Deposited', { amount: number }>;
type AccountEvent = Opened | Deposited;

export async function main(): Promise<string[]> {
  const store = new InMemoryEventStore();
  // Typed by the union: 'Deposited' needs { amount: number }, and an unknown type does not compile.
  await store.saveEvents([
    createEvent<AccountEvent>('account-2', 1, 'AccountOpened', { owner: 'Grace' }),
    createEvent<AccountEvent>('account-2', 2, 'Deposited', { amount: 25 }, { correlationId: 'import-1' }),
  ]);
  const stored = await store.getEvents('account-2');
  return stored.map((event) => `v${event.version} ${event.eventType} ${JSON.stringify(event.data)}`);
}
// README:end
