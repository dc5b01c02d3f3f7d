import { isNatsBusError } from '@aether/bus-nats';
import { connectBus } from './connect.js';
import { DemoError } from './demo-error.js';
import { describeEvent, plural } from './format.js';
import type { NatsServer } from './nats-url.js';
import { BUS_SUBJECT_PREFIX, WATCH_PATTERN } from './run-names.js';
import { onShutdownSignal } from './shutdown.js';
import type { WatchOutput } from './watch-output.js';

/**
 * `watch --bus --nats <url>`: subscribes to every run's order namespace (`orders.*`) and prints each
 * event as it arrives, until SIGINT or SIGTERM; then closes the bus and returns.
 */
export async function runBusWatch(server: NatsServer, { print, status }: WatchOutput): Promise<void> {
  let connectionLost = false;
  const bus = await connectBus(server, (error) => {
    if (isNatsBusError(error, 'CONNECTION_CLOSED')) connectionLost = true;
  });
  const subscription = bus.subscribe(WATCH_PATTERN);
  let stopping = false;
  const removeHandlers = onShutdownSignal(() => {
    stopping = true;
    void bus.close(); // ends the subscription: the loop below finishes
  });
  try {
    try {
      await bus.flush(); // the server knows the subscription: whatever is published from now on arrives
    } catch (error) {
      if (!stopping) throw error;
    }
    status(
      `Watching namespace "${WATCH_PATTERN}" (subject prefix ${BUS_SUBJECT_PREFIX}) on ${server.display}; ` +
        'Ctrl-C to stop',
    );
    let count = 0;
    for await (const { namespace, event } of subscription) {
      print(`${namespace}  ${describeEvent(event)}`);
      count++;
    }
    if (connectionLost && !stopping) {
      throw new DemoError('NATS_FAILED', `lost the connection to NATS at ${server.display} for good`);
    }
    status(`Stopped after ${plural(count, 'event')}`);
  } finally {
    removeHandlers();
    await bus.close();
  }
}
