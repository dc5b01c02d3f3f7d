import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';

/**
 * Where a group's streams live: the client URLs of its server (one) or cluster (one per node),
 * and the replicas of every stream the cases create there.
 */
export interface StreamHost {
  readonly urls: readonly string[];
  readonly replicas: number;
}

/** One connection of a measuring process, shared by Aether and raw nats.js alike. */
export interface Session {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  /** The replicas of the streams this session creates and the stores it opens expect. */
  readonly replicas: number;
}

/**
 * Connects to node `node` of the host (the only one on a single server), with nats.js's default
 * options otherwise; the other nodes are listed after it only to fail over to, never picked at
 * random, so every contender of a case talks to the same node.
 */
export async function openSession(host: StreamHost, node = 0): Promise<Session> {
  const first = host.urls[node];
  if (first === undefined) throw new Error(`no node ${node} among ${host.urls.length}`);
  const nc = await connect({
    servers: [first, ...host.urls.filter((url) => url !== first)],
    noRandomize: true,
  });
  try {
    const jsm = await jetstreamManager(nc);
    return { nc, js: jetstream(nc), jsm, replicas: host.replicas };
  } catch (error) {
    await nc.close();
    throw error;
  }
}
