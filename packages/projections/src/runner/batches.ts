import type { RecordedEvent } from '@aether/core';

/**
 * Takes batches from an iterator of the log: each starts with the next event (waiting for it),
 * then takes what is already there, without waiting, up to `size` events; the events of one
 * position are never split (a batch may pass `size` to keep them together). "Already there" is
 * what the iterator answers before the current turn of the event loop ends: a subscription hands
 * out what it has read ahead at once.
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
    return this.#collect([first.value]);
  }

  #take(): Promise<IteratorResult<RecordedEvent>> {
    const pending = this.#pending ?? this.#iterator.next();
    this.#pending = undefined;
    return pending;
  }

  // Adds the events that come before this turn of the event loop ends. One timer per batch, and per
  // event only a reaction to its result: racing each event against a turn of its own took about 5%
  // of a catch-up's CPU. The result still on its way when the turn ends stays pending for the next
  // batch. A failure of the iterator fails the batch, as it comes.
  #collect(batch: RecordedEvent[]): Promise<RecordedEvent[]> {
    return new Promise((resolve, reject) => {
      let waiting: Promise<IteratorResult<RecordedEvent>> | undefined;
      let finished = false;
      const finish = (error?: unknown) => {
        finished = true;
        clearImmediate(turnEnds);
        if (error === undefined) resolve(batch);
        else reject(error);
      };
      const turnEnds = setImmediate(() => {
        this.#pending = waiting;
        finish();
      });
      const taken = (result: IteratorResult<RecordedEvent>) => {
        if (finished) return;
        if (result.done === true) {
          this.#done = true;
          finish();
          return;
        }
        const last = batch[batch.length - 1] as RecordedEvent;
        if (batch.length >= this.#size && result.value.position !== last.position) {
          this.#pending = Promise.resolve(result);
          finish();
          return;
        }
        batch.push(result.value);
        takeNext();
      };
      const failed = (error: unknown) => {
        if (!finished) finish(error ?? new Error('the log subscription failed'));
      };
      const takeNext = () => {
        waiting = undefined;
        try {
          waiting = this.#take();
        } catch (error) {
          failed(error);
          return;
        }
        waiting.then(taken, failed);
      };
      takeNext();
    });
  }
}
