/**
 * Which kept events (their positions in the order they were appended, here "slots") make up each position of
 * the log. Events saved together share a position, so the log has one position per save: position
 * p holds slots `start(p)` up to `start(p + 1)`. As long as every save held one event, position p is
 * slot p - 1 and nothing is kept; the first batch of several events starts the table of starts,
 * one number per position.
 */
export class LogIndex {
  // The slot each position starts at (index p - 1), once a save has held several events.
  #starts: number[] | undefined;
  #head = 0;
  #slots = 0;

  /** The newest position, 0 while the log is empty. */
  get head(): number {
    return this.#head;
  }

  /** Records a save of `count` events appended at the end; returns its position. */
  add(count: number): number {
    if (this.#starts === undefined && count > 1) {
      this.#starts = Array.from({ length: this.#head }, (_, index) => index);
    }
    this.#starts?.push(this.#slots);
    this.#slots += count;
    return ++this.#head;
  }

  /** The first slot of `position` (1..head). */
  start(position: number): number {
    return this.#starts === undefined ? position - 1 : (this.#starts[position - 1] as number);
  }

  /** The slot after the last one of `position` (1..head). */
  end(position: number): number {
    return position === this.#head ? this.#slots : this.start(position + 1);
  }
}
