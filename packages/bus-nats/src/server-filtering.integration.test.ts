import { describe, expect, it } from 'vitest';
import { NatsEventBus } from './nats-event-bus.js';
import { makeEvent, ownedBus, settle, take, testConnection, uniquePrefix } from './test-support/nats.js';

// The server does the filtering: what a subscriber did not ask for never reaches its connection.
// Counted with nats.js's own statistics of the subscriber's connection (messages received).

const namespaces = ['tenant-a.orders', 'tenant-a.billing', 'tenant-b.orders', 'tenant-b.billing'];
const types = ['OrderPlaced', 'ItemAdded', 'OrderShipped', 'OrderCancelled'];

async function setup() {
  const subjectPrefix = uniquePrefix('filter');
  const nc = await testConnection();
  const subscriber = new NatsEventBus(nc, { subjectPrefix });
  const publisher = await ownedBus({ subjectPrefix });
  const publishAll = async () => {
    const sent = [];
    for (let index = 0; index < 1000; index++) {
      const namespace = namespaces[index % 4] as string;
      const event = makeEvent({
        eventType: types[Math.floor(index / 4) % 4] as string,
        actorId: `order-${index % 10}`,
      });
      await publisher.publish(namespace, event);
      sent.push({ namespace, event });
    }
    await settle(publisher, subscriber);
    return sent;
  };
  return { nc, subscriber, publisher, publishAll };
}

describe('server-side filtering', () => {
  it('a subscriber to one event type in one namespace receives, over the wire, only that traffic', async () => {
    const { nc, subscriber, publisher, publishAll } = await setup();
    const subscription = subscriber.subscribe('tenant-a.orders', { eventTypes: ['OrderPlaced'] });
    await settle(publisher, subscriber);
    const before = nc.stats().inMsgs;
    const sent = await publishAll();
    const wanted = sent.filter(
      ({ namespace, event }) => namespace === 'tenant-a.orders' && event.eventType === 'OrderPlaced',
    );
    expect(wanted).toHaveLength(63);
    expect(nc.stats().inMsgs - before).toBe(wanted.length);
    expect((await take(subscription, wanted.length)).map((d) => d.event.id)).toEqual(
      wanted.map((w) => w.event.id),
    );
    expect(subscription.buffered).toBe(0);
  });

  it('two listed types mean two subjects: still only their traffic', async () => {
    const { nc, subscriber, publisher, publishAll } = await setup();
    const subscription = subscriber.subscribe('tenant-b.*', { eventTypes: ['ItemAdded', 'OrderCancelled'] });
    await settle(publisher, subscriber);
    const before = nc.stats().inMsgs;
    const sent = await publishAll();
    const wanted = sent.filter(
      ({ namespace, event }) =>
        namespace.startsWith('tenant-b.') && ['ItemAdded', 'OrderCancelled'].includes(event.eventType),
    );
    expect(nc.stats().inMsgs - before).toBe(wanted.length);
    expect(new Set((await take(subscription, wanted.length)).map((d) => d.event.id))).toEqual(
      new Set(wanted.map((w) => w.event.id)),
    );
  });

  it('a literal actor pattern is filtered by the server too; a wildcard one by the bus', async () => {
    const { nc, subscriber, publisher, publishAll } = await setup();
    const literal = subscriber.subscribe('tenant-a.*', { actorPattern: 'order-3' });
    await settle(publisher, subscriber);
    let before = nc.stats().inMsgs;
    let sent = await publishAll();
    const wanted = sent.filter(
      ({ namespace, event }) => namespace.startsWith('tenant-a.') && event.actorId === 'order-3',
    );
    expect(nc.stats().inMsgs - before).toBe(wanted.length);
    expect((await take(literal, wanted.length)).map((d) => d.event.id)).toEqual(
      wanted.map((w) => w.event.id),
    );
    literal.unsubscribe();

    // `order-*` is not a pattern (wildcards are whole tokens); `*` over one-token ids is, and the bus applies it.
    const wildcard = subscriber.subscribe('tenant-a.orders', { actorPattern: '*.eu' });
    await settle(publisher, subscriber);
    before = nc.stats().inMsgs;
    sent = await publishAll();
    expect(nc.stats().inMsgs - before).toBe(
      sent.filter(({ namespace }) => namespace === 'tenant-a.orders').length,
    );
    expect(wildcard.buffered).toBe(0); // no actor id here has the shape <token>.eu
  });
});
