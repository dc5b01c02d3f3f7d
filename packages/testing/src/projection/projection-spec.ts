import { type AnyEvent, ValidationError } from '@aether/core';
import { type ProjectedEvent, recordedEvents } from './given-events.js';
import { GivenCheck, type ReadModelCheck } from './read-model-check.js';
import { runProjectionSpec } from './run-projection-spec.js';
import type { ReadModelSetup } from './spec-read-model.js';

/** Options of `ProjectionSpec.for`. */
export interface ProjectionSpecOptions {
  /** Events per `apply` (default 100, as `runProjection`): the given events are cut into batches of this size. */
  batchSize?: number;
  /** The given events' timestamp. Default: the time the spec runs. */
  now?: () => number;
}

/** Given events, about to be delivered: `then(expected)` delivers each batch once; the `when...` variants redeliver. */
export interface ProjectionGiven<R> extends ReadModelCheck<R> {
  /** Every batch is applied twice in a row, as when a delivery is repeated before its checkpoint. */
  whenDeliveredTwice(): ReadModelCheck<R>;
  /**
   * Every batch is applied, then the worker "crashes" before recording its checkpoint; after the
   * restart the same events come again, one position per batch (a restarted runner may cut the
   * log differently).
   */
  whenCrashedAfterApply(): ReadModelCheck<R>;
}

/**
 * Given/then specs of a projection's read model, proving it idempotent:
 * `ProjectionSpec.for(setup).given(events).whenDeliveredTwice().then(expected)`. `setup` makes the
 * projection and a fresh read model for every run; no store, no runner, no checkpoint store.
 */
export class ProjectionSpec<E extends AnyEvent, Tx, R> {
  readonly #setup: ReadModelSetup<E, Tx, R>;
  readonly #options: ProjectionSpecOptions;
  readonly #batchSize: number;

  private constructor(setup: ReadModelSetup<E, Tx, R>, options: ProjectionSpecOptions) {
    const batchSize = options.batchSize ?? 100;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
      throw new ValidationError(
        'batchSize',
        `must be a whole number of at least 1, got ${String(batchSize)}`,
      );
    }
    this.#setup = setup;
    this.#options = options;
    this.#batchSize = batchSize;
  }

  static for<E extends AnyEvent, Tx, R>(
    setup: ReadModelSetup<E, Tx, R>,
    options: ProjectionSpecOptions = {},
  ): ProjectionSpec<E, Tx, R> {
    return new ProjectionSpec(setup, options);
  }

  /** The log's events, oldest first, each with its actor: ids, versions, timestamps and positions are filled in. */
  given(events: readonly ProjectedEvent<E>[]): ProjectionGiven<R> {
    const recorded = recordedEvents(events, this.#options.now?.() ?? Date.now());
    const settings = { batchSize: this.#batchSize };
    return new GivenCheck((delivery) => runProjectionSpec(this.#setup, recorded, settings, delivery));
  }
}
