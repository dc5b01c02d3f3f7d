import type { AnyEvent, RecordedEvent } from '@aether/core';
import { SpecFailure } from '../spec/spec-failure.js';
import { type Delivery, deliveredBatches } from './deliveries.js';
import type { ReadModelSetup } from './spec-read-model.js';

/** How a run cuts the log into batches. */
export interface RunSettings {
  batchSize: number;
}

/** What a run gives: the projection's name (for messages) and its read model after the last batch. */
export interface Ran<R> {
  projection: string;
  readModel: R;
}

/**
 * Sets up a fresh read model, hands `events` to its projection as `delivery` says (only the types
 * in `eventTypes`, as the runner does; a batch with none of them is not applied), and reads the
 * read model back. A throwing `apply` fails the spec, naming the batch.
 */
export async function runProjectionSpec<E extends AnyEvent, Tx, R>(
  setup: ReadModelSetup<E, Tx, R>,
  events: readonly RecordedEvent<E>[],
  settings: RunSettings,
  delivery: Delivery,
): Promise<Ran<R>> {
  const model = await setup();
  try {
    const types = model.projection.eventTypes ?? [];
    const wanted = (recorded: RecordedEvent<E>) =>
      types.length === 0 || types.includes(recorded.event.eventType);
    for (const batch of deliveredBatches(events, settings.batchSize, delivery)) {
      // A copy for every delivery: a projection that changes the events it gets cannot change
      // what a later delivery hands it.
      const matching = structuredClone(batch.filter(wanted));
      if (matching.length === 0) continue;
      try {
        await model.projection.apply(matching, model.tx as Tx);
      } catch (error) {
        throw new SpecFailure(
          `projection ${JSON.stringify(model.projection.name)} threw applying positions ` +
            `${positions(matching)}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
          { cause: error },
        );
      }
    }
    return { projection: model.projection.name, readModel: await model.read() };
  } finally {
    await model.dispose?.();
  }
}

function positions(batch: readonly RecordedEvent<AnyEvent>[]): string {
  const first = batch[0]?.position;
  const last = batch[batch.length - 1]?.position;
  return first === last ? String(first) : `${first} to ${last}`;
}
