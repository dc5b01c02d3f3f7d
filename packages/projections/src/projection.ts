import type { AnyEvent, Event, RecordedEvent } from '@aether/core';

/**
 * A read model kept from a store's log. `apply` gets the events of one batch, in log order, and
 * the checkpoint store's transaction (`Tx`): with `postgresCheckpoints`, write the read model
 * through it, and the writes and the new checkpoint commit together, exactly once.
 */
export interface Projection<E extends AnyEvent = Event, Tx = unknown> {
  /** Names the projection's checkpoint, its lease and its parked events: letters, digits, `.`, `_`, `-`. */
  readonly name: string;
  /** Only events of these types reach `apply` (every type when omitted or empty). */
  readonly eventTypes?: readonly string[];
  /**
   * Applies a batch (never empty; the events saved together are never split). Throw to have the
   * batch retried; an event that keeps failing is parked or stops the projection (see `onPoison`).
   */
  apply(batch: readonly RecordedEvent<E>[], tx: Tx): Promise<void>;
}
