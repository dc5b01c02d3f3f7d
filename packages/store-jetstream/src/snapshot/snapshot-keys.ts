import type { ConnectionEvents } from '../connection/connection-events.js';
import type { KeyWatch, KeyWatchHandlers } from './snapshot-key-watch.js';

/** What the index takes: its limit, how to start a watch of the bucket's keys, the connection's events. */
export interface SnapshotKeysOptions {
  /** Keys the index holds at most; past that (or at 0) it is off and every lookup asks the server. */
  limit: number;
  startWatch: (handlers: KeyWatchHandlers) => Promise<KeyWatch>;
  events: ConnectionEvents;
}

/**
 * Which actors have a snapshot, learnt by watching the bucket's keys, so that looking up an actor
 * without one costs no round trip. `absent(key)` is true only while the watch is synced and has
 * never seen the key: the bucket had no value there when the watch last heard from the server.
 *
 * A snapshot another process saved since (moments ago) may be missed: the answer is the one the
 * server would have given moments ago. A load then replays from the actor's first event instead
 * of from the snapshot, which gives the same state: a snapshot only spares reading the events it
 * covers, which are still in the stream (unless `maxAge` expired them, and then they were gone a
 * moment ago too). A snapshot this process saved or read is known at once. Anything that could
 * hide more than that (a lost consumer, a dropped connection) ends the watch, and lookups ask the
 * server until a new one has synced. A watch that could not start or ended before it synced (say,
 * no permission to create its consumer) is not tried again before the connection comes back.
 */
export class SnapshotKeys {
  readonly #known = new Set<string>();
  readonly #limit: number;
  readonly #startWatch: SnapshotKeysOptions['startWatch'];
  readonly #stopListening: () => void;
  #watch: Promise<KeyWatch | undefined> | undefined;
  // Each start gets a number; reports from an older watch are ignored.
  #generation = 0;
  #synced = false;
  #blocked = false;
  #lookups = 0;
  #off: boolean;

  constructor(options: SnapshotKeysOptions) {
    this.#limit = options.limit;
    this.#startWatch = options.startWatch;
    this.#off = options.limit === 0;
    const offDrop = options.events.onDrop(() => this.#end());
    const offUp = options.events.onUp((up) => {
      if (up) this.#blocked = false;
    });
    this.#stopListening = () => {
      offDrop();
      offUp();
    };
  }

  /**
   * True when the bucket has no value at `key` as far as a synced watch knows: the caller may
   * answer "no snapshot" without asking. The second call starts the watch (in the background): a
   * store that looks up one snapshot in its life (a process serving one command) never pays for it.
   */
  absent(key: string): boolean {
    if (this.#synced) return !this.#known.has(key);
    this.#lookups++;
    if (this.#lookups >= 2 && this.#watch === undefined && !this.#blocked && !this.#off) this.#start();
    return false;
  }

  /** The bucket holds a value at `key` (this process saved it or read it). */
  present(key: string): void {
    this.#add(key);
  }

  /** Stops the watch and deletes its consumer; the index is off from then on. */
  async close(): Promise<void> {
    this.#off = true;
    this.#stopListening();
    await this.#end();
  }

  #start(): void {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation && !this.#off;
    let everSynced = false;
    const watch = this.#startWatch({
      key: (key, present) => {
        if (!current()) return;
        if (present) this.#add(key);
        else this.#known.delete(key);
      },
      synced: () => {
        if (current()) {
          this.#synced = true;
          everSynced = true;
        }
      },
      limit: this.#limit,
      tooMany: () => {
        if (current()) this.#turnOff();
      },
      lost: () => {
        if (!current()) return;
        // One that never synced (say, its subscription was refused) would only fail again.
        if (!everSynced) this.#blocked = true;
        void this.#end();
      },
    }).then(
      async (started) => {
        if (current()) return started;
        await started.stop();
        return undefined;
      },
      () => {
        if (current()) {
          this.#blocked = true;
          this.#watch = undefined;
        }
        return undefined;
      },
    );
    this.#watch = watch;
  }

  #add(key: string): void {
    if (this.#off || this.#known.has(key)) return;
    if (this.#known.size >= this.#limit) {
      this.#turnOff();
      return;
    }
    this.#known.add(key);
  }

  // Past the limit the index could only answer by forgetting keys, which it must not do.
  #turnOff(): void {
    this.#off = true;
    this.#known.clear();
    void this.#end();
  }

  async #end(): Promise<void> {
    this.#synced = false;
    this.#generation++;
    const watch = this.#watch;
    this.#watch = undefined;
    await (await watch)?.stop();
  }
}
