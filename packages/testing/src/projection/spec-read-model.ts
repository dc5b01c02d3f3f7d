import type { AnyEvent } from '@aether/core';
import type { Projection } from '@aether/projections';

/**
 * A projection and a fresh, empty read model of its own, made for each run of a spec: every
 * delivery (once, twice, after a crash) starts from nothing, so specs never see each other's rows.
 */
export interface SpecReadModel<E extends AnyEvent, Tx, R> {
  projection: Projection<E, Tx>;
  /** What `apply` gets as its transaction (a database client, say); `undefined` when omitted. */
  tx?: Tx;
  /** The read model as the spec compares it with the expected one, after the last batch. */
  read(): R | Promise<R>;
  /** Called after each run, passed or failed: release a client, drop a table. */
  dispose?(): unknown;
}

/** Makes a projection and its empty read model; `ProjectionSpec.for` calls it once per run. */
export type ReadModelSetup<E extends AnyEvent, Tx, R> = () =>
  | SpecReadModel<E, Tx, R>
  | Promise<SpecReadModel<E, Tx, R>>;
