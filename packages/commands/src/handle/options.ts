import { ValidationError } from '@aether/core';
import { type Clock, type RetryOptions, systemClock } from '@aether/retry';
import { type IdGenerator, uuidV7 } from '../ids/uuid-v7.js';

/** Options of `handleCommand`; every one may be left out. */
export interface HandleCommandOptions {
  /**
   * How conflicts are retried: every `retry` option of `@aether/retry`, passed through. Default:
   * version conflicts only, 4 attempts in all, jittered backoff from 100 ms, thrash detection on.
   */
  retry?: RetryOptions;
  /** String pairs added to the metadata of every event this command produces. */
  metadata?: Readonly<Record<string, string>>;
  /** This command's id: stamped as `causationId` (unless given) and `correlationId` (unless given). Default: a new id. */
  commandId?: string;
  /** The id of the whole flow this command belongs to. Default: `metadata.correlationId`, else the command id. */
  correlationId?: string;
  /** The id of what caused this command. Default: `metadata.causationId`, else the command id. */
  causationId?: string;
  /** Makes event (and default command) ids. Default: UUID v7 from the clock's time. */
  newId?: IdGenerator;
  /** Gives the events' timestamps, and the retry waits unless `retry.clock` is set. Default: the system clock. */
  clock?: Clock;
  /**
   * On a store that keeps snapshots: save one after a command once this many events have been
   * added since the snapshot the actor was loaded from (or since version 0). Default: never.
   */
  snapshotEvery?: number;
  /**
   * A snapshot is an optimisation: saving one that fails never fails the command, whose events are
   * stored. This sees such a failure. Default: none.
   */
  onSnapshotError?: (error: unknown) => void;
}

/** One command's options with their defaults, and the ids every event of the command carries. */
export interface ResolvedHandleOptions {
  /** As given: `undefined` (the defaults) lets the first attempt run without the retry machinery. */
  retry: RetryOptions | undefined;
  clock: Clock;
  newId: IdGenerator;
  /** The `metadata` option, which every event's metadata starts with. */
  metadata: Readonly<Record<string, string>> | undefined;
  correlationId: string;
  causationId: string;
  snapshotEvery: number | undefined;
  onSnapshotError: ((error: unknown) => void) | undefined;
}

// The default generator, made once rather than as a new closure per command.
const systemNewId: IdGenerator = () => uuidV7(systemClock.now());

/** The options with their defaults, and the correlation and causation ids of the command. */
export function resolveHandleOptions(options: HandleCommandOptions): ResolvedHandleOptions {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? (clock === systemClock ? systemNewId : () => uuidV7(clock.now()));
  const commandId = options.commandId ?? newId();
  const metadata = options.metadata;
  return {
    retry: options.retry,
    clock,
    newId,
    metadata,
    correlationId: options.correlationId ?? metadata?.correlationId ?? commandId,
    causationId: options.causationId ?? metadata?.causationId ?? commandId,
    snapshotEvery: checkSnapshotEvery(options.snapshotEvery),
    onSnapshotError: options.onSnapshotError,
  };
}

function checkSnapshotEvery(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(
      'snapshotEvery',
      `must be a whole number >= 1 (events between snapshots), got ${String(value)}`,
    );
  }
  return value;
}
