// A NatsEventBus in its own OS process, driven by the integration tests over IPC (see protocol.ts).
// Built into dist/test-support/processes so that it runs as plain JavaScript (dist/test-support is
// left out of the published package); it imports nothing from vitest.

import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { NatsEventBus } from '../../nats-event-bus.js';
import type { Received, WireEvent, WorkerReply, WorkerRequest, WorkerStats } from './protocol.js';

let nc: NatsConnection | undefined;
let bus: NatsEventBus | undefined;
let malformed = 0;
const received = new Map<string, Received[]>();

function requireBus(): NatsEventBus {
  if (bus === undefined) throw new Error('connect first');
  return bus;
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'connect': {
      nc = await connect({ servers: request.servers, name: `bus-worker ${request.nodeId}` });
      bus = new NatsEventBus(nc, {
        subjectPrefix: request.subjectPrefix,
        nodeId: request.nodeId,
        onError: () => {
          malformed++;
        },
      });
      return undefined;
    }
    case 'subscribe': {
      const subscription = requireBus().subscribe(request.pattern, request.options);
      const list: Received[] = [];
      received.set(request.key, list);
      void (async () => {
        for await (const { namespace, event } of subscription) {
          const { id, eventType, actorId, version } = event;
          list.push({ namespace, id, eventType, actorId, version });
        }
      })();
      return undefined;
    }
    case 'publish': {
      const target = requireBus();
      for (const { namespace, event } of request.items) {
        await target.publish(namespace, toEvent(event));
      }
      return undefined;
    }
    case 'generate': {
      // Many events without sending them over IPC: each awaited, as an application publishes.
      const target = requireBus();
      const started = performance.now();
      for (let index = 0; index < request.count; index++) {
        await target.publish(request.namespace, {
          id: `${request.idPrefix}-${index}`,
          eventType: 'OrderPlaced',
          actorId: `order-${index % 100}`,
          version: index + 1,
          data: { index, note: 'padding to make the event about 256 bytes on the wire' },
          timestamp: new Date(),
        });
      }
      await target.flush();
      return { ms: performance.now() - started };
    }
    case 'flush':
      await requireBus().flush();
      return undefined;
    case 'received':
      return received.get(request.key) ?? [];
    case 'stats': {
      const stats = nc?.stats();
      const result: WorkerStats = {
        malformed,
        inMsgs: stats?.inMsgs ?? 0,
        outMsgs: stats?.outMsgs ?? 0,
        heapUsed: process.memoryUsage().heapUsed,
      };
      return result;
    }
    case 'close':
      await bus?.close();
      await nc?.close();
      setImmediate(() => process.exit(0));
      return undefined;
  }
}

function toEvent(wire: WireEvent) {
  return { ...wire, timestamp: new Date(wire.timestamp) };
}

// Requests are handled one at a time, in the order they arrive.
let queue: Promise<void> = Promise.resolve();
process.on('message', (message: WorkerRequest & { id: number }) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = { id: message.id, ok: true, result: await handle(message) };
    } catch (err) {
      reply = {
        id: message.id,
        ok: false,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      };
    }
    process.send?.(reply);
  });
});
process.on('disconnect', () => process.exit(0));
