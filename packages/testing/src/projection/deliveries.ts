import type { AnyEvent, RecordedEvent } from '@aether/core';

/**
 * How the spec hands the log to the projection: the batches `apply` gets, in order. A projection
 * runner delivers at least once, so besides the plain run the spec replays what a worker sees
 * when a delivery is repeated or when it crashes between applying a batch and recording its
 * checkpoint.
 */
export type Delivery = 'once' | 'twice' | 'crashAfterApply';

/** What each delivery is called in a failure message. */
export const deliveryNames: Readonly<Record<Delivery, string>> = {
  once: 'after delivering each batch once',
  twice:
    'after delivering each batch twice\n(a repeated delivery: the same batch applied again before its checkpoint)',
  crashAfterApply:
    'after a crash after apply\n(each batch applied, then the worker crashed before its checkpoint; ' +
    'after the restart the\nsame events came again, one position per batch)',
};

/** The batches of `events` (at most `batchSize` each) in the order `apply` gets them under `delivery`. */
export function deliveredBatches<E extends AnyEvent>(
  events: readonly RecordedEvent<E>[],
  batchSize: number,
  delivery: Delivery,
): RecordedEvent<E>[][] {
  const delivered: RecordedEvent<E>[][] = [];
  for (let start = 0; start < events.length; start += batchSize) {
    const batch = events.slice(start, start + batchSize);
    delivered.push(batch);
    if (delivery === 'twice') delivered.push(batch);
    // After a restart the runner reads on from its checkpoint, so the batch comes again, and
    // not necessarily cut the same way: one position at a time here.
    if (delivery === 'crashAfterApply') for (const recorded of batch) delivered.push([recorded]);
  }
  return delivered;
}
