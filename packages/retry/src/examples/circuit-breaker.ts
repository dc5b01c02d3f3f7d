// The "Circuit breaker" example of README.md (see simple.ts for how it is tested).
// README:start
import type { AnyEvent, EventStore } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { CircuitBreaker, CircuitOpenError, type Clock, saveWithRetry, systemClock } from '../index.js';

export async function main(clock: Clock = systemClock): Promise<string[]> {
  const lines: string[] = [];
  // A store that is down for its first 3 calls, then back.
  const memory = new InMemoryEventStore();
  let calls = 0;
  const flaky: EventStore = {
    saveEvent: (event) =>
      ++calls <= 3 ? Promise.reject(new Error('connection refused')) : memory.saveEvent(event),
    saveEvents: (events) => memory.saveEvents(events),
    getEvents: (actorId, from) => memory.getEvents(actorId, from),
    getLatestVersion: (actorId) => memory.getLatestVersion(actorId),
  };
  const breaker = new CircuitBreaker({
    name: 'orders-store',
    failureThreshold: 3,
    openDurationMs: 1000,
    successThreshold: 2,
    clock,
    onStateChange: ({ from, to }) => lines.push(`circuit: ${from} -> ${to}`),
  });
  // The breaker wraps saveWithRetry: conflicts are retried inside; outages trip the breaker.
  const addItem = (n: number) =>
    breaker.execute(() =>
      saveWithRetry(
        flaky,
        'order-9',
        (currentVersion): AnyEvent => ({
          id: `item-${n}`,
          eventType: 'ItemAdded',
          actorId: 'order-9',
          version: currentVersion + 1,
          data: { n },
          timestamp: new Date(),
        }),
        { clock },
      ),
    );

  for (let n = 1; n <= 6; n++) {
    if (n === 5) await clock.sleep(1000); // the open duration passes
    try {
      const { event } = await addItem(n);
      lines.push(`item ${n}: saved as v${event.version}`);
    } catch (error) {
      const reason =
        error instanceof CircuitOpenError ? `failed fast (${error.code})` : (error as Error).message;
      lines.push(`item ${n}: ${reason}`);
    }
  }
  return lines;
}
// README:end
