import { randomUUID } from 'node:crypto';
import { natsUrl } from '@aether/nats-harness/vitest';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll } from 'vitest';
import { NatsEventBus } from '../nats-event-bus.js';
import type { NatsEventBusOptions } from '../options.js';

/** A subject prefix no other test, test file or earlier run uses (letters, digits, `-`). */
export function uniquePrefix(label: string): string {
  return `t-${label}-${randomUUID().slice(0, 8)}`;
}

// Teardown steps of this test file, run after its last test, the latest first. A registry rather
// than afterAll() calls, because hooks registered inside a running test never run.
const teardown: Array<() => unknown> = [];
afterAll(async () => {
  for (let step = teardown.pop(); step !== undefined; step = teardown.pop()) await step();
});

/** Runs `step` after the file's tests (steps run in reverse order of registration). */
export function cleanup(step: () => unknown): void {
  teardown.push(step);
}

/** Connects to the test server; the connection is closed after the file's tests. */
export async function testConnection(servers = natsUrl()): Promise<NatsConnection> {
  const nc = await connect({ servers });
  cleanup(() => nc.close());
  return nc;
}

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

export { makeEvent, take } from './events.js';
