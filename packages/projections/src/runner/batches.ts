import type { RecordedEvent } from '@aether/core';

/**
 * Takes batches from an iterator of the log: each starts with the next event (waiting for it),
 * then takes what is already there, without waiting, up to `size` events; the events of one
 * position are never split (a batch may pass `size` to keep them together). "Already there" is
 * what the iterator answers within one turn of the event loop: a subscription hands out what it
 * has read ahead at once.
 */
export class BatchReader {
  readonly #iterator: AsyncIterator<RecordedEvent>;
  readonly #size: number;
  // The next() asked for and not yet taken: carried into the next batch, never dropped.
  #pending: Promise<IteratorResult<RecordedEvent>> | undefined;
  #done = false;

  constructor(iterator: AsyncIterator<RecordedEvent>, size: number) {
    this.#iterator = iterator;
    this.#size = size;
  }

  /** The next batch, or `undefined` once the iterator has ended. */
  async next(): Promise<RecordedEvent[] | undefined> {
    if (this.#done) return undefined;
    const first = await this.#take();
    if (first.done === true) {
      this.#done = true;
      return undefined;
    }
    const batch = [first.value];
    for (;;) {
      const next = await this.#takeIfThere();
      if (next === undefined) return batch;
      if (next.done === true) {
        this.#done = true;
        return batch;
      }
      const last = batch[batch.length - 1] as RecordedEvent;
      if (batch.length >= this.#size && next.value.position !== last.position) {
        this.#pending = Promise.resolve(next);
        return batch;
      }
      batch.push(next.value);
    }
  }

  #take(): Promise<IteratorResult<RecordedEvent>> {
    const pending = this.#pending ?? this.#iterator.next();
    this.#pending = undefined;
    return pending;
  }

  // The next result if it arrives within a turn of the event loop; otherwise `undefined`, and the
  // request stays pending for the next batch.
  async #takeIfThere(): Promise<IteratorResult<RecordedEvent> | undefined> {
    const pending = this.#take();
    const notYet = Symbol('not yet');
    const result = await Promise.race([
      pending,
      new Promise<typeof notYet>((resolve) => setImmediate(() => resolve(notYet))),
    ]);
    if (result === notYet) {
      this.#pending = pending;
      return undefined;
    }
    return result as IteratorResult<RecordedEvent>;
  }
}
