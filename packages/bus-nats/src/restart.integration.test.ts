import { isRetryable } from '@aether/core';
import { type NatsServer, startNatsServer } from '@aether/nats-harness';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isNatsBusError } from './errors/bus-error.js';
import { NatsEventBus } from './nats-event-bus.js';
import { cleanup, makeEvent, settle, take, uniquePrefix } from './test-support/nats.js';

// A server of its own, so that it can be stopped and started again (same port) under the buses.

let server: NatsServer;
beforeAll(async () => {
  server = await startNatsServer({ jetstream: false });
});
afterAll(() => server.destroy());

// Reconnect quickly: the default is one attempt every 2 s.
const connection = { reconnectTimeWait: 50, reconnectJitter: 0 };

async function bus(subjectPrefix: string): Promise<NatsEventBus> {
  const made = await NatsEventBus.connect({ servers: server.url, subjectPrefix, connection });
  cleanup(() => made.close());
  return made;
}

describe('a server restart', () => {
  it('publish fails with a retryable error while the server is down; subscriptions work again after it is back', async () => {
    const subjectPrefix = uniquePrefix('restart');
    const publisher = await bus(subjectPrefix);
    const subscriber = await bus(subjectPrefix);
    const bystander = await bus(subjectPrefix); // closed while the server is down
    const remote = subscriber.subscribe('orders.*', { eventTypes: ['OrderPlaced'] });
    const local = publisher.subscribe('orders.*');
    await settle(publisher, subscriber);

    const before = [makeEvent(), makeEvent()];
    for (const event of before) await publisher.publish('orders.eu', event);
    expect((await take(remote, 2)).map((d) => d.event.id)).toEqual(before.map((e) => e.id));
    expect((await take(local, 2)).map((d) => d.event.id)).toEqual(before.map((e) => e.id));

    await server.kill('SIGKILL');
    await vi.waitFor(() => expect(publisher.connected).toBe(false), { timeout: 5000, interval: 10 });
    const failure = await publisher.publish('orders.eu', makeEvent()).catch((err: unknown) => err);
    expect(isNatsBusError(failure, 'DISCONNECTED')).toBe(true);
    expect(isRetryable(failure)).toBe(true);
    expect((failure as Error).message).toContain('nothing was delivered');
    expect(local.buffered).toBe(0); // a rejected publish reaches nobody, not even this process
    // Closing a bus whose server is gone does not wait for it: its connection stops reconnecting.
    const closing = performance.now();
    await bystander.close();
    expect(performance.now() - closing).toBeLessThan(1000);
    expect(bystander.connected).toBe(false);

    await server.restart();
    await vi.waitFor(() => expect(publisher.connected && subscriber.connected).toBe(true), {
      timeout: 10_000,
      interval: 10,
    });
    // nats.js subscribes again on reconnect; a flush makes sure the server has it.
    await settle(publisher, subscriber);
    const after = [makeEvent(), makeEvent({ eventType: 'ItemAdded' }), makeEvent()];
    for (const event of after) await publisher.publish('orders.us', event);
    await settle(publisher, subscriber);
    expect((await take(remote, 2)).map((d) => d.event.id)).toEqual([after[0]?.id, after[2]?.id]);
    expect(remote.buffered).toBe(0);
    expect(local.buffered).toBe(3);
  });

  it('a publisher that retries DISCONNECTED errors gets its event through once the server is back', async () => {
    const subjectPrefix = uniquePrefix('retry');
    const publisher = await bus(subjectPrefix);
    const subscriber = await bus(subjectPrefix);
    const subscription = subscriber.subscribe('>');
    await settle(publisher, subscriber);
    await server.kill('SIGKILL');
    await vi.waitFor(() => expect(publisher.connected).toBe(false), { timeout: 5000, interval: 10 });
    const event = makeEvent();
    let attempts = 0;
    const restarting = server.restart();
    for (;;) {
      attempts++;
      try {
        await publisher.publish('orders', event);
        break;
      } catch (err) {
        if (!isRetryable(err)) throw err;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await restarting;
    expect(attempts).toBeGreaterThan(1);
    await vi.waitFor(() => expect(subscriber.connected).toBe(true), { timeout: 10_000, interval: 10 });
    await settle(publisher, subscriber);
    // The subscriber may have come back after the publisher: the event then passed it by (at-most-once).
    if (subscription.buffered === 0) await publisher.publish('orders', event);
    expect((await take(subscription, 1))[0]?.event.id).toBe(event.id);
  });
});
