// The "Adaptive" example of README.md (see simple.ts for how it is tested).
// README:start
import { type AnyEvent, VersionConflictError } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { adaptive, type Clock, contentionOf, saveWithRetry, systemClock } from '../index.js';

export async function main(clock: Clock = systemClock): Promise<string[]> {
  const lines: string[] = [];
  const backoff = adaptive(); // waits by distance = currentVersion - attemptedVersion
  for (const distance of [0, 5, 20]) {
    const error = new VersionConflictError({
      actorId: 'a',
      attemptedVersion: 10,
      currentVersion: 10 + distance,
    });
    const wait = backoff({ attempt: 1, error, random: Math.random });
    lines.push(`distance ${distance} (${contentionOf(error)} contention): wait ${wait} ms`);
  }

  // A writer reads version 1, but while it works 12 other events land: heavy contention.
  const store = new InMemoryEventStore();
  const event = (version: number, id: string): AnyEvent => ({
    id,
    eventType: 'Tick',
    actorId: 'sensor-3',
    version,
    data: {},
    timestamp: new Date(),
  });
  await store.saveEvent(event(1, 'boot'));
  const saved = await saveWithRetry(
    store,
    'sensor-3',
    async (currentVersion, _state, { attempt }) => {
      if (attempt === 1) {
        for (let v = 2; v <= 13; v++) await store.saveEvent(event(v, `burst-${v}`));
      }
      return event(currentVersion + 1, 'mine');
    },
    { backoff, clock, onRetry: (_attempt, delayMs) => lines.push(`conflict: waiting ${delayMs} ms`) },
  );
  lines.push(`saved version ${saved.event.version} in ${saved.attempts} attempts`);
  return lines;
}
// README:end
