/**
 * A map bounded by total weight (by default each entry weighs 1, so the bound is a count) that
 * forgets the least recently used entries first. `get` and `set` are O(1) amortised: a `Map`
 * keeps insertion order, and a hit moves the entry to the end. An entry heavier than the whole
 * capacity is not kept.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, { value: V; weight: number }>();
  readonly #capacity: number;
  readonly #weigh: (value: V) => number;
  readonly #onEvict: ((key: K, value: V) => void) | undefined;
  #weight = 0;

  /** `onEvict` hears of every entry forgotten to make room (not of those deleted or replaced). */
  constructor(capacity: number, weigh: (value: V) => number = () => 1, onEvict?: (key: K, value: V) => void) {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new RangeError(`capacity must be an integer >= 0, got ${capacity}`);
    this.#capacity = capacity;
    this.#weigh = weigh;
    this.#onEvict = onEvict;
  }

  /** Number of entries. */
  get size(): number {
    return this.#entries.size;
  }

  /** Sum of the entries' weights. */
  get weight(): number {
    return this.#weight;
  }

  /** The value without counting it as a use (its place in the eviction order stays). */
  peek(key: K): V | undefined {
    return this.#entries.get(key)?.value;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.#weigh(value);
    if (weight > this.#capacity) return;
    this.#entries.set(key, { value, weight });
    this.#weight += weight;
    if (this.#weight <= this.#capacity) return; // the usual case: no iterator on the hot path
    for (const [oldestKey, oldest] of this.#entries) {
      if (this.#weight <= this.#capacity) break;
      this.#entries.delete(oldestKey);
      this.#weight -= oldest.weight;
      this.#onEvict?.(oldestKey, oldest.value);
    }
  }

  delete(key: K): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#weight -= entry.weight;
  }

  clear(): void {
    this.#entries.clear();
    this.#weight = 0;
  }
}
