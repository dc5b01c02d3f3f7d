import { describeEventBus } from '@aether/conformance';
import type { EventBus } from '@aether/core';
import { natsUrl } from '@aether/nats-harness/vitest';
import { NatsEventBus } from './nats-event-bus.js';
import { testConnection } from './test-support/nats.js';

const settle = async (publisher: EventBus, subscriber: EventBus) => {
  await (subscriber as NatsEventBus).flush();
  await (publisher as NatsEventBus).flush();
  await (subscriber as NatsEventBus).flush();
};

// Every bus owns its connection (as NatsEventBus.connect makes them): two buses of one test are two
// connections, so the cross-bus runs go through the server. The scope is the subject prefix.
describeEventBus(
  'NatsEventBus (each bus on its own connection)',
  ({ scope }) => NatsEventBus.connect({ servers: natsUrl(), subjectPrefix: scope }),
  { crossBus: true, settle, timeoutMs: 5000 },
);

// Buses sharing a caller's connection: the server echoes every message to the connection, and each
// bus must skip its own (it delivered them locally) while taking the other's.
const shared = await testConnection();
describeEventBus(
  'NatsEventBus (buses sharing a caller connection)',
  ({ scope }) => new NatsEventBus(shared, { subjectPrefix: scope }),
  { crossBus: true, settle, timeoutMs: 5000 },
);
