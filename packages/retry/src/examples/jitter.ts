// The "Jitter" example of README.md (see simple.ts for how it is tested).
// README:start
import type { AnyEvent } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { type Clock, exponentialWithJitter, saveWithRetry, systemClock } from '../index.js';

export async function main(clock: Clock = systemClock): Promise<string[]> {
  const store = new InMemoryEventStore();
  const writers = 10;
  const eventsEach = 3;
  // Ten writers hammer one actor. Random waits (full jitter: between 0 and 10, 20, 40 ms...)
  // spread their retries, so they do not collide again in lockstep.
  const backoff = exponentialWithJitter({ initialDelayMs: 10, factor: 2, maxDelayMs: 500 });
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 1; n <= eventsEach; n++) {
        await saveWithRetry(
          store,
          'counter-1',
          (currentVersion): AnyEvent => ({
            id: `w${writer}-${n}`,
            eventType: 'Incremented',
            actorId: 'counter-1',
            version: currentVersion + 1,
            data: { writer },
            timestamp: new Date(),
          }),
          { backoff, maxAttempts: 50, clock },
        );
      }
    }),
  );
  const versions = (await store.getEvents('counter-1')).map((event) => event.version);
  const contiguous = versions.every((version, index) => version === index + 1);
  return [
    `${versions.length} events from ${writers} writers, versions 1-${versions.length} contiguous: ${contiguous}`,
  ];
}
// README:end
