// The "Conflict details" example of README.md (see simple.ts for how it is tested).
// README:start
import { type AnyEvent, findVersionConflict } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { type Clock, exponential, isRetryError, RetryThrashingError, retry, systemClock } from '../index.js';

export async function main(clock: Clock = systemClock): Promise<string[]> {
  const lines: string[] = [];
  const store = new InMemoryEventStore();
  const event = (version: number, id: string): AnyEvent => ({
    id,
    eventType: 'Noted',
    actorId: 'order-8',
    version,
    data: {},
    timestamp: new Date(),
  });
  await store.saveEvent(event(1, 'first'));

  // A writer that never re-reads the actor: it keeps trying version 1. Every conflict reports the
  // same current version, so retry stops early instead of spending all its attempts.
  try {
    await retry(() => store.saveEvent(event(1, 'stale')), {
      maxAttempts: 10,
      backoff: exponential(), // 100, 150, 225 ms... no jitter
      clock,
      onRetry: (attempt, delayMs, error) => {
        const conflict = findVersionConflict(error);
        lines.push(
          `attempt ${attempt}: actor ${conflict?.actorId} tried v${conflict?.attemptedVersion}, ` +
            `current is v${conflict?.currentVersion}; retrying in ${delayMs} ms`,
        );
      },
    });
  } catch (error) {
    if (!(error instanceof RetryThrashingError)) throw error;
    lines.push(`${error.code} after ${error.attempts} attempts at current version ${error.currentVersion}`);
    lines.push(`same check across package copies: ${isRetryError(error, 'RETRY_THRASHING')}`);
  }
  return lines;
}
// README:end
