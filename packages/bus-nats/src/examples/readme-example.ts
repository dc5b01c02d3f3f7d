// The example in README.md, run by readme-example.integration.test.ts against a real nats-server.
// README:start
import { randomUUID } from 'node:crypto';
import { findValidationError, isRetryable } from '@aether/core';
import { NatsEventBus } from '../index.js';

export async function main(servers: string, subjectPrefix = 'shop'): Promise<string[]> {
  const lines: string[] = [];
  // Two buses, each owning its connection: in real life, two processes on two machines.
  const orders = await NatsEventBus.connect({ servers, subjectPrefix });
  const billing = await NatsEventBus.connect({ servers, subjectPrefix });
  try {
    // Billing wants placed orders of the EU shops only; the NATS server drops everything else.
    const placed = billing.subscribe('eu.*', { eventTypes: ['OrderPlaced'] });
    await billing.flush(); // the subscription has reached the server

    const event = (eventType: string, actorId: string, version: number) => ({
      id: randomUUID(),
      eventType,
      actorId,
      version,
      data: { customer: 'Ada' },
      timestamp: new Date(),
    });
    await orders.publish('eu.tea', event('OrderPlaced', 'order-1', 1));
    await orders.publish('eu.tea', event('ItemAdded', 'order-1', 2)); // another type: not for billing
    await orders.publish('us.tea', event('OrderPlaced', 'order-2', 1)); // another namespace
    await orders.publish('eu.cake', event('OrderPlaced', 'order-3', 1));

    let seen = 0;
    for await (const { namespace, event: received } of placed) {
      lines.push(`billing got ${received.eventType} of ${received.actorId} in ${namespace}`);
      if (++seen === 2) break; // leaving the loop unsubscribes
    }

    try {
      await orders.publish('eu.*', event('OrderPlaced', 'order-4', 1));
    } catch (err) {
      const invalid = findValidationError(err);
      if (invalid) lines.push(`refused: ${invalid.message}`);
      else if (isRetryable(err)) lines.push('NATS is down: retry the same event later');
      else throw err;
    }
  } finally {
    await orders.close();
    await billing.close();
  }
  return lines;
}
// README:end
