import { connectionNames, type NatsServer, startNatsServer } from '@aether/nats-harness';
import { natsUrl } from '@aether/nats-harness/vitest';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NatsBusError } from './errors/bus-error.js';
import { NatsEventBus } from './nats-event-bus.js';
import { makeEvent, ownedBus, settle, take, testConnection, uniquePrefix } from './test-support/nats.js';

describe('a bus made by connect()', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer({
      jetstream: false,
      monitor: true,
      extraConfig: 'authorization { user: "aether", password: "s3cret" }',
    });
  });
  afterAll(() => server.destroy());

  it('passes auth options through to nats.js, owns the connection, and drains and closes it', async () => {
    const subjectPrefix = uniquePrefix('owned');
    const connection = { user: 'aether', pass: 's3cret' };
    const bus = await NatsEventBus.connect({
      servers: server.url,
      subjectPrefix,
      connection: { ...connection, name: 'owned-bus' },
    });
    const other = await NatsEventBus.connect({ servers: server.url, subjectPrefix, connection });
    const subscription = other.subscribe('orders');
    await settle(bus, other);
    expect(await connectionNames(server)).toContain('owned-bus');
    expect(await connectionNames(server)).toContain(`aether-bus ${other.nodeId}`);
    const events = [makeEvent(), makeEvent(), makeEvent()];
    for (const event of events) await bus.publish('orders', event);
    // close() hands the server what was published before it, then closes the connection.
    await bus.close();
    expect((await take(subscription, 3)).map((d) => d.event.id)).toEqual(events.map((e) => e.id));
    await vi.waitFor(async () => expect(await connectionNames(server)).not.toContain('owned-bus'), {
      timeout: 5000,
    });
    await expect(bus.publish('orders', makeEvent())).rejects.toMatchObject({ code: 'EVENT_BUS_CLOSED' });
    await other.close();
  });

  it('fails to connect without the credentials, leaving no connection behind', async () => {
    await expect(
      NatsEventBus.connect({
        servers: server.url,
        connection: { name: 'anonymous', maxReconnectAttempts: 0 },
      }),
    ).rejects.toThrow();
    expect(await connectionNames(server)).not.toContain('anonymous');
  });
});

describe('a bus on a caller connection', () => {
  it('close() ends its subscriptions, gets its publishes to the server, and leaves the connection open', async () => {
    const subjectPrefix = uniquePrefix('caller');
    const nc = await testConnection();
    const bus = new NatsEventBus(nc, { subjectPrefix });
    const watcher = await ownedBus({ subjectPrefix });
    const watched = watcher.subscribe('>');
    const own = bus.subscribe('>');
    await settle(bus, watcher);
    const event = makeEvent();
    await bus.publish('orders', event);
    await bus.close();
    expect(nc.isClosed()).toBe(false);
    expect((await own[Symbol.asyncIterator]().next()).done).toBe(true);
    expect((await take(watched, 1))[0]?.event.id).toBe(event.id);
    // The connection still works for its owner.
    await nc.flush();
  });

  it('reports CONNECTION_CLOSED and ends every iteration when the caller closes the connection under it', async () => {
    const nc = await connect({ servers: natsUrl() });
    const errors: NatsBusError[] = [];
    const bus = new NatsEventBus(nc, {
      subjectPrefix: uniquePrefix('closed'),
      onError: (e) => errors.push(e),
    });
    const subscription = bus.subscribe('orders');
    const pending = subscription[Symbol.asyncIterator]().next();
    await nc.close();
    expect((await pending).done).toBe(true);
    await vi.waitFor(() => expect(errors.map((e) => e.code)).toEqual(['CONNECTION_CLOSED']));
    await expect(bus.publish('orders', makeEvent())).rejects.toMatchObject({
      code: 'CONNECTION_CLOSED',
      retryable: false,
    });
    expect(() => bus.subscribe('orders')).toThrow(expect.objectContaining({ code: 'CONNECTION_CLOSED' }));
    await bus.close();
  });
});

describe('sizes NATS cares about', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer({ jetstream: false, extraConfig: 'max_payload: 4096' });
  });
  afterAll(() => server.destroy());

  it("refuses an event over the server's max_payload with a ValidationError, and the connection stays up", async () => {
    const subjectPrefix = uniquePrefix('size');
    const bus = await NatsEventBus.connect({ servers: server.url, subjectPrefix });
    const subscriber = await NatsEventBus.connect({ servers: server.url, subjectPrefix });
    try {
      const subscription = subscriber.subscribe('orders');
      await settle(bus, subscriber);
      await expect(
        bus.publish('orders', makeEvent({ data: { text: 'x'.repeat(5000) } })),
      ).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
        field: 'event',
        message: expect.stringContaining('4096'),
      });
      const small = makeEvent({ data: { text: 'x'.repeat(3000) } });
      await bus.publish('orders', small);
      expect((await take(subscription, 1))[0]?.event.id).toBe(small.id);
      expect(bus.connected).toBe(true);
    } finally {
      await bus.close();
      await subscriber.close();
    }
  });

  it('carries 2,000-character Unicode actor ids and event types without breaking the 4 KB protocol line limit', async () => {
    const subjectPrefix = uniquePrefix('long');
    // On the shared test server (default max_payload): these events are about 8 KB.
    const bus = await NatsEventBus.connect({ servers: natsUrl(), subjectPrefix });
    const subscriber = await NatsEventBus.connect({ servers: natsUrl(), subjectPrefix });
    try {
      const actorId = `order-${'ü😀'.repeat(700)}`;
      const eventType = `Placed-${'é'.repeat(2000)}`;
      const exact = subscriber.subscribe(`tenant.${'n'.repeat(1000)}`, {
        actorPattern: actorId,
        eventTypes: [eventType],
      });
      await settle(bus, subscriber);
      const namespace = `tenant.${'n'.repeat(1000)}`;
      const event = makeEvent({ actorId, eventType });
      await bus.publish(namespace, makeEvent({ actorId: `${actorId}!`, eventType }));
      await bus.publish(namespace, event);
      await settle(bus, subscriber);
      expect((await take(exact, 1))[0]?.event).toEqual(event);
      expect(exact.buffered).toBe(0);
      expect(bus.connected && subscriber.connected).toBe(true);
    } finally {
      await bus.close();
      await subscriber.close();
    }
  });
});
