import { cleanup } from '@aether/nats-harness/test-connection';
import { natsUrl } from '@aether/nats-harness/vitest';
import { NatsEventBus } from '../nats-event-bus.js';
import type { NatsEventBusOptions } from '../options/options.js';

/** A bus that owns its connection to the test server; closed after the file's tests. */
export async function ownedBus(
  options: NatsEventBusOptions & { servers?: string } = {},
): Promise<NatsEventBus> {
  const { servers = natsUrl(), ...busOptions } = options;
  const bus = await NatsEventBus.connect({ servers, ...busOptions });
  cleanup(() => bus.close());
  return bus;
}

/** Flushes the subscriber, then the publisher, then the subscriber again: the settle of the conformance suite. */
export async function settle(
  publisher: { flush(): Promise<void> },
  subscriber: { flush(): Promise<void> },
): Promise<void> {
  await subscriber.flush();
  await publisher.flush();
  await subscriber.flush();
}

export {
  cleanup,
  testConnection,
  /** A subject prefix no other test, test file or earlier run uses (letters, digits, `-`). */
  uniqueTestName as uniquePrefix,
} from '@aether/nats-harness/test-connection';
export { makeEvent, take } from './events.js';
