import { type AnyEvent, isVersionConflict, validateEvent } from '@aether/core';
import { retry } from '../retry/retry.js';
import { UnconfirmedSaves } from '../save/unconfirmed-saves.js';
import type { ResolvedQueueOptions } from './options.js';

/** One accepted event and how far the queue got with it. */
export interface QueueItem {
  /** The event as enqueued (a frozen copy). */
  readonly event: AnyEvent;
  /** The version of it tried last: re-based after each conflict. */
  lastTried: AnyEvent;
  attempts: number;
}

// A rebase that throws gives the event up: carried through retry() as an error it never retries.
class RebaseRefused {
  constructor(readonly error: unknown) {}
}

/**
 * Saves one queued event with the queue's retry settings, re-basing it on the actor's latest
 * version before the attempt that follows a conflict. After a save that failed but may have stored
 * the event (see `UnconfirmedSaves`), each attempt first looks for it in the store: found, it is
 * saved, and `item.lastTried` becomes the event as stored. Resolves with `undefined` when saved, or
 * with the reason to dead-letter it; never rejects.
 */
export async function saveItem(
  item: QueueItem,
  options: ResolvedQueueOptions,
  signal: AbortSignal,
  onRetry: () => void,
): Promise<{ error: unknown } | undefined> {
  let rebaseNeeded = false;
  const unconfirmed = new UnconfirmedSaves<undefined>();
  try {
    await retry(
      async ({ attempt }) => {
        // An earlier attempt that failed may have stored the event: then it is saved, as stored.
        // Not even awaited when there is none, so that a first save is sent at once, before a
        // close() can abandon it.
        const stored =
          unconfirmed.size === 0
            ? undefined
            : await unconfirmed.findStored(options.store, item.event.actorId);
        if (stored !== undefined) {
          item.lastTried = stored.event;
          item.attempts = attempt;
          return;
        }
        if (rebaseNeeded) {
          item.lastTried = await rebase(item.lastTried, options);
          rebaseNeeded = false;
        }
        signal.throwIfAborted();
        item.attempts = attempt;
        await unconfirmed.save(options.store, item.lastTried, undefined);
      },
      {
        maxAttempts: options.maxAttempts,
        backoff: options.backoff,
        clock: options.clock,
        random: options.random,
        signal,
        // The queue re-reads before every retry of a conflict, so repeats cannot come from it.
        thrashThreshold: Number.POSITIVE_INFINITY,
        retryOn: (error, attempt) => !(error instanceof RebaseRefused) && options.retryOn(error, attempt),
        onRetry: (_attempt, _delay, error) => {
          onRetry();
          if (isVersionConflict(error)) rebaseNeeded = true;
        },
      },
    );
    return undefined;
  } catch (error) {
    return { error: error instanceof RebaseRefused ? error.error : error };
  }
}

async function rebase(event: AnyEvent, options: ResolvedQueueOptions): Promise<AnyEvent> {
  const current = await options.store.getLatestVersion(event.actorId);
  try {
    return validateEvent(await options.rebase(event, current));
  } catch (error) {
    throw new RebaseRefused(error);
  }
}
