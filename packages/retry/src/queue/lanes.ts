import { Fifo } from './fifo.js';

/**
 * Items waiting per key (actor), and the keys that are ready to be worked on. A key is ready
 * when it has items and none of them is being worked on, so each key's items go one at a time,
 * in order, while different keys go in parallel, taking turns.
 */
export class Lanes<T> {
  readonly #lanes = new Map<string, Fifo<T>>();
  readonly #ready = new Fifo<string>();
  readonly #busy = new Set<string>();

  add(key: string, item: T): void {
    let lane = this.#lanes.get(key);
    if (lane === undefined) {
      lane = new Fifo<T>();
      this.#lanes.set(key, lane);
      if (!this.#busy.has(key)) this.#ready.push(key);
    }
    lane.push(item);
  }

  /** The oldest item of the next ready key, which is busy until `done(key)`. */
  take(): { key: string; item: T } | undefined {
    const key = this.#ready.shift();
    if (key === undefined) return undefined;
    const lane = this.#lanes.get(key) as Fifo<T>;
    const item = lane.shift() as T;
    if (lane.length === 0) this.#lanes.delete(key);
    this.#busy.add(key);
    return { key, item };
  }

  /** The key's item is finished: its next item, if any, becomes ready (at the back, for fairness). */
  done(key: string): void {
    this.#busy.delete(key);
    if (this.#lanes.has(key)) this.#ready.push(key);
  }

  /** Removes every waiting item (not the busy ones), oldest key first. */
  takeAll(): T[] {
    const items: T[] = [];
    for (const lane of this.#lanes.values()) items.push(...lane.takeAll());
    this.#lanes.clear();
    this.#ready.takeAll();
    return items;
  }
}
