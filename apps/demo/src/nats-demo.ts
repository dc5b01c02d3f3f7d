import type { NatsEventBus } from '@aether/bus-nats';
import { connectBus, connectStore } from './connect.js';
import type { NatsServer } from './nats-url.js';
import { eventFactory } from './order-events.js';
import { describeRetention } from './retention.js';
import { newRunId, runNames } from './run-names.js';
import { runOrderStory } from './story.js';

/**
 * `--nats <url>`: the same story on JetStream and the NATS bus. The run gets its own stream
 * and bus namespace, so runs never see each other's orders; `watch` sees them all.
 */
export async function runNatsDemo(server: NatsServer, print: (line: string) => void): Promise<void> {
  const run = runNames(newRunId());
  const store = await connectStore(server, run.streamName);
  let bus: NatsEventBus | undefined;
  try {
    bus = await connectBus(server);
    print(`Aether demo: an order, event-sourced on NATS JetStream at ${server.display}`);
    print(
      `Run ${run.runId}: events in stream ${store.stream} (${describeRetention(store.config.maxAgeMs)}, ` +
        `the store's default), published on bus namespace "${run.namespace}"\n`,
    );
    await runOrderStory({
      store,
      bus,
      events: eventFactory(),
      print,
      namespace: run.namespace,
      orderId: 'order-1001',
      clerksOrderId: 'order-1002',
    });
  } finally {
    await bus?.close();
    await store.close();
  }
}
