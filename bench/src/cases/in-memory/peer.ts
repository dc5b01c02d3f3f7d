import type { AppendStep, Totals } from './workload.js';

/** One in-memory event store library, driven through its own public API. */
export interface MemoryPeer {
  /** Name with version, e.g. `Emmett 0.42.0`: the column header and ratio name. */
  readonly name: string;
  /** A fresh, empty store. */
  create(): PeerStore;
}

export interface PeerStore {
  /**
   * Builds the events for `steps` now (untimed) and returns a function that appends the i-th,
   * with the optimistic-concurrency version the library supports. The caller awaits each call.
   */
  prepare(steps: readonly AppendStep[]): (index: number) => Promise<unknown>;
  /** Builds one event and appends it, as an application would. */
  append(step: AppendStep): Promise<unknown>;
  /** Untimed setup: gives `actorId` events 1..count, by whatever path the library makes fastest. */
  fill(actorId: string, count: number): Promise<void>;
  /** Reads all of an actor's events; returns how many there were. */
  read(actorId: string): Promise<number>;
  /** Folds all of an actor's events with `addLine`, the library's way. */
  fold(actorId: string): Promise<Totals>;
  latestVersion(actorId: string): Promise<number>;
}
