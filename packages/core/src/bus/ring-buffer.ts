import type { OverflowPolicy } from '../event-bus.js';

const initialSlots = 16;

/**
 * A first-in first-out queue of at most `capacity` items with an overflow policy for a full queue:
 * `'drop-oldest'` discards the oldest item to make room, `'drop-newest'` discards the arriving one,
 * `'error'` refuses it (`offer` returns false). `dropped` counts every discarded or refused item.
 * Every operation is O(1) amortised; slots are allocated as the queue grows (doubling, never past
 * `capacity`), so a large capacity costs memory only when it is used.
 */
export class RingBuffer<T> {
  readonly capacity: number;
  readonly policy: OverflowPolicy;
  #slots: (T | undefined)[];
  #head = 0;
  #length = 0;
  #dropped = 0;

  constructor(capacity: number, policy: OverflowPolicy) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`ring buffer capacity must be a positive safe integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.policy = policy;
    this.#slots = new Array<T | undefined>(Math.min(capacity, initialSlots));
  }

  /** Items held. */
  get length(): number {
    return this.#length;
  }

  /** Items discarded or refused because the queue was full. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Slots allocated: at most `capacity`. */
  get allocated(): number {
    return this.#slots.length;
  }

  /** Adds an item, applying the policy when full. False only when the policy `'error'` refused it. */
  offer(item: T): boolean {
    if (this.#length < this.capacity) {
      this.#append(item);
      return true;
    }
    this.#dropped++;
    if (this.policy === 'drop-oldest') {
      // Full means every slot is allocated and used: overwrite the oldest and advance past it.
      this.#slots[this.#head] = item;
      this.#head = this.#next(this.#head);
      return true;
    }
    return this.policy === 'drop-newest';
  }

  /** Removes and returns the oldest item; undefined when empty. */
  shift(): T | undefined {
    if (this.#length === 0) return undefined;
    const item = this.#slots[this.#head];
    this.#slots[this.#head] = undefined;
    this.#head = this.#next(this.#head);
    this.#length--;
    return item;
  }

  /** Discards every item (not counted as dropped) and releases the slots. */
  clear(): void {
    this.#slots = new Array<T | undefined>(Math.min(this.capacity, initialSlots));
    this.#head = 0;
    this.#length = 0;
  }

  #append(item: T): void {
    if (this.#length === this.#slots.length) this.#grow();
    let tail = this.#head + this.#length;
    if (tail >= this.#slots.length) tail -= this.#slots.length;
    this.#slots[tail] = item;
    this.#length++;
  }

  #grow(): void {
    const slots = new Array<T | undefined>(Math.min(this.capacity, this.#slots.length * 2));
    for (let index = 0; index < this.#length; index++) {
      slots[index] = this.#slots[(this.#head + index) % this.#slots.length];
    }
    this.#slots = slots;
    this.#head = 0;
  }

  #next(index: number): number {
    return index + 1 === this.#slots.length ? 0 : index + 1;
  }
}
