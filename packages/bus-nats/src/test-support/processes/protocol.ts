import type { SubscribeOptions } from '@aether/core';

/** An event as it crosses the IPC channel: the timestamp as an ISO string. */
export interface WireEvent {
  id: string;
  eventType: string;
  actorId: string;
  version: number;
  data: Record<string, unknown>;
  timestamp: string;
  metadata?: Record<string, string>;
}

/** What a worker received on one subscription. */
export interface Received {
  namespace: string;
  id: string;
  eventType: string;
  actorId: string;
  version: number;
}

/** A request from the test to a bus worker; every request carries an `id` its reply echoes. */
export type WorkerRequest =
  | { op: 'connect'; servers: string; subjectPrefix: string; nodeId: string }
  | { op: 'subscribe'; key: string; pattern: string; options?: SubscribeOptions }
  | { op: 'publish'; items: { namespace: string; event: WireEvent }[] }
  | { op: 'generate'; namespace: string; count: number; idPrefix: string }
  | { op: 'flush' }
  | { op: 'received'; key: string }
  | { op: 'stats' }
  | { op: 'close' };

export interface WorkerStats {
  malformed: number;
  inMsgs: number;
  outMsgs: number;
  heapUsed: number;
}

export type WorkerReply =
  | { id: number; ok: true; result?: unknown }
  | { id: number; ok: false; error: string };
