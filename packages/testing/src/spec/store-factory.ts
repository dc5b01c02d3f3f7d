import type { EventStore } from '@aether/core';

/**
 * Where a spec runs its command through `handleCommand`: a store made for each spec (or shared:
 * every spec uses an actor of its own), and what to do with it afterwards.
 */
export interface SpecStore<S extends EventStore = EventStore> {
  open(): S | Promise<S>;
  /** Called after each spec, passed or failed, with the store `open` gave. */
  dispose?(store: S): unknown;
}
