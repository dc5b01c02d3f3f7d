import type { EventLog, Position } from '@aether/core';
import type { Clock } from '@aether/retry';

/** How often a runner looks at the log's head, for its lag. */
export const HEAD_EVERY_MS = 1_000;

/** Calls `onHead` with the log's head every second until `signal` aborts; an unreachable log is skipped. */
export function watchHead(
  store: EventLog,
  clock: Clock,
  signal: AbortSignal,
  onHead: (head: Position) => void,
): void {
  void (async () => {
    while (!signal.aborted) {
      const head = await store.headPosition().catch(() => undefined);
      if (head !== undefined) onHead(head);
      await clock.sleep(HEAD_EVERY_MS, signal).catch(() => undefined);
    }
  })();
}

/** How long a runner stays idle, with a waiter past its position, before asking `nothingLeftUpTo`. */
export const IDLE_CHECK_AFTER_MS = 50;

/**
 * The last position up to which the log holds no event after `after`: the head when nothing is
 * left, else just before the next event. A replicated JetStream stream can hold a message that is
 * no event (a save that lost a race), so a head at such a position is never delivered; this tells
 * a runner waiting for it that nothing is left.
 */
export async function nothingLeftUpTo(
  store: EventLog,
  after: Position,
  allowExpiredHistory: boolean,
): Promise<Position> {
  const head = await store.headPosition();
  const [next] = await store.readAll({ after, limit: 1, allowExpiredHistory });
  return next === undefined ? head : next.position - 1;
}
