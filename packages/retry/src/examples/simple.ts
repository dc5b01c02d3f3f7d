// The "Simple" example of README.md; readme.test.ts runs it and checks the README shows exactly
// the code between the markers (with '../index.js' read as '@aether/retry') and its output.
// README:start
import type { Event } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { type Clock, saveWithRetry, systemClock } from '../index.js';

// `clock` is there so the tests can run this without waiting; leave it out in your code.
export async function main(clock: Clock = systemClock): Promise<string[]> {
  const store = new InMemoryEventStore();
  const itemAdded = (clerk: string, version: number): Event<'ItemAdded', { clerk: string }> => ({
    id: `${clerk}-${version}`,
    eventType: 'ItemAdded',
    actorId: 'order-7',
    version,
    data: { clerk },
    timestamp: new Date(),
  });

  // Two clerks add an item to the same order at the same moment: both read version 0 and
  // build version 1. The store takes one; the other gets a conflict, re-reads and saves version 2.
  const results = await Promise.all(
    ['ada', 'bob'].map((clerk) =>
      saveWithRetry(store, 'order-7', (currentVersion) => itemAdded(clerk, currentVersion + 1), { clock }),
    ),
  );
  return results.map(
    ({ event, attempts }) => `${event.data.clerk} saved version ${event.version} in ${attempts} attempt(s)`,
  );
}
// README:end
