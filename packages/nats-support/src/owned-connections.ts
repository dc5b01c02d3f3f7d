import type { NatsConnection } from '@nats-io/nats-core';
import { connect, type NodeConnectionOptions } from '@nats-io/transport-node';

/** The connections one package made for itself, and so closes when whatever runs on them closes. */
export interface OwnedConnections {
  /** Connects with `options`; the connection is this package's own. */
  connect(options: NodeConnectionOptions): Promise<NatsConnection>;
  /** True for a connection this package's `connect` made; any other is its caller's to close. */
  isOwned(nc: NatsConnection): boolean;
}

/**
 * One per package (a module-level constant): a connection another package made, even another
 * Aether package, is never owned here, so handing the bus's connection to a store cannot make the
 * store close it.
 */
export function ownedConnections(): OwnedConnections {
  const owned = new WeakSet<NatsConnection>();
  return {
    async connect(options) {
      const nc = await connect(options);
      owned.add(nc);
      return nc;
    },
    isOwned: (nc) => owned.has(nc),
  };
}
