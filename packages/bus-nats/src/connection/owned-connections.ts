import type { NatsConnection } from '@nats-io/nats-core';
import { connect, type NodeConnectionOptions } from '@nats-io/transport-node';

// The connections `connectOwned` made. Only this package's own: a connection made elsewhere (a
// caller's, or another Aether package's) is never in it.
const owned = new WeakSet<NatsConnection>();

/** Connects with `options`; whatever runs on the connection owns it, and closes it when it closes. */
export async function connectOwned(options: NodeConnectionOptions): Promise<NatsConnection> {
  const nc = await connect(options);
  owned.add(nc);
  return nc;
}

/** True for a connection `connectOwned` made; any other is its caller's to close. */
export function isOwned(nc: NatsConnection): boolean {
  return owned.has(nc);
}
