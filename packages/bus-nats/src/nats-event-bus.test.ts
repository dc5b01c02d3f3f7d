import { isValidationError, validateEvent } from '@aether/core';
import { errors as natsErrors } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';
import { isNatsBusError, type NatsBusError } from './errors/bus-error.js';
import { NatsEventBus } from './nats-event-bus.js';
import { makeEvent, take } from './test-support/events.js';
import { FakeConnection, originOf } from './test-support/fake-connection.js';
import { busPayload } from './test-support/payloads.js';
import { decodePayload } from './wire/decode-payload.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A refusal as nats.js reports it (its PermissionViolationError). */
function refusal(operation: 'Publish' | 'Subscription', subject: string): Error {
  return natsErrors.PermissionViolationError.parse(
    `Permissions Violation for ${operation} to "${subject}"`,
  ) as Error;
}

function busOn(fake: FakeConnection, errors: NatsBusError[] = []) {
  return new NatsEventBus(fake.asConnection(), {
    subjectPrefix: 'app',
    nodeId: 'me',
    onError: (e) => errors.push(e),
  });
}

describe('NatsEventBus (unit, on a fake connection)', () => {
  it('publishes on <prefix>.<type>.<actor>.<namespace> with the origin header, and delivers locally once', async () => {
    const fake = new FakeConnection();
    const bus = busOn(fake);
    const local = bus.subscribe('orders.>');
    const event = makeEvent({ eventType: 'Order.Placed', actorId: 'order 7' });
    await bus.publish('orders.eu', event);
    await nextTurn();
    expect(fake.published.map((m) => m.subject)).toEqual(['app.Order~002EPlaced.order~00207.orders.eu']);
    expect(fake.published[0]?.headers?.get('Aether-Origin')).toBe('me');
    expect(bus.subjectFor('orders.eu', 'Order.Placed', 'order 7')).toBe(fake.published[0]?.subject);
    const [delivery] = await take(local, 1);
    expect(delivery?.event).toEqual(event);
    // The echo of its own message was skipped: nothing else is buffered.
    expect((local as { buffered: number }).buffered).toBe(0);
  });

  it('subscribes one NATS subject per event type and unsubscribes them all when the subscription ends', () => {
    const fake = new FakeConnection();
    const bus = busOn(fake);
    const subscription = bus.subscribe('tenant-a.*', { eventTypes: ['A', 'B'], actorPattern: 'order-1' });
    expect(fake.openSubjects()).toEqual(['app.A.order-1.tenant-a.*', 'app.B.order-1.tenant-a.*']);
    subscription.unsubscribe();
    expect(fake.openSubjects()).toEqual([]);
  });

  it('delivers what other nodes publish, frozen, and checks the actor pattern itself', async () => {
    const fake = new FakeConnection();
    const bus = busOn(fake);
    const subscription = bus.subscribe('orders', { actorPattern: 'order.eu.*' });
    for (const actorId of ['order.us.1', 'order.eu.1']) {
      const event = validateEvent(makeEvent({ actorId }));
      fake.inject(bus.subjectFor('orders', event.eventType, actorId), busPayload(event), originOf('other'));
    }
    const [delivery] = await take(subscription, 1);
    expect(delivery?.event.actorId).toBe('order.eu.1');
    expect(Object.isFrozen(delivery?.event)).toBe(true);
    expect(subscription.buffered).toBe(0);
  });

  it('counts and reports malformed messages, and a throwing onError changes nothing', async () => {
    const fake = new FakeConnection();
    const errors: NatsBusError[] = [];
    const bus = new NatsEventBus(fake.asConnection(), {
      subjectPrefix: 'app',
      onError: (error) => {
        errors.push(error);
        throw new Error('the hook failed');
      },
    });
    const subscription = bus.subscribe('>');
    fake.inject('app.T.A.orders', new Uint8Array([1, 2, 3]));
    fake.inject('app.T.A.orders', new TextEncoder().encode('{"id":1}'));
    expect(bus.malformedMessages).toBe(2);
    expect(errors.map((e) => e.code)).toEqual(['MALFORMED_MESSAGE', 'MALFORMED_MESSAGE']);
    await bus.publish('orders', makeEvent());
    expect(subscription.buffered).toBe(1);
  });

  it('without subscriptions of its own, checks the event as validateEvent does and encodes it at once', async () => {
    const fake = new FakeConnection();
    const bus = busOn(fake);
    for (const [change, field] of [
      [{ version: 0 }, 'version'],
      [{ data: { at: new Date() } }, 'data.at'],
      [{ metadata: { n: 1 } }, 'metadata.n'],
      [{ timestamp: 'today' }, 'timestamp'],
    ] as const) {
      const error = await bus.publish('orders', makeEvent(change as never)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'VALIDATION_ERROR', field });
    }
    expect(fake.published).toEqual([]);
    const event = makeEvent({ data: { items: ['tea'] } });
    await bus.publish('orders', event);
    (event.data as { items: string[] }).items.push('changed later'); // the payload was written already
    await nextTurn();
    expect(fake.published).toHaveLength(1);
    expect(decodePayload(fake.published[0]?.data as Uint8Array)).toMatchObject({
      id: event.id,
      version: event.version,
      time: event.timestamp.getTime(),
      data: { items: ['tea'] },
    });
    expect(Object.isFrozen(event.data)).toBe(false);
  });

  it('reports a subscription the server refuses for a reason other than permissions', () => {
    const fake = new FakeConnection();
    const errors: NatsBusError[] = [];
    const bus = busOn(fake, errors);
    bus.subscribe('orders');
    fake.refuseSubscriptions();
    expect(errors.map((e) => e.code)).toEqual(['SUBSCRIPTION_FAILED']);
    expect(errors[0]?.message).toContain('"orders"');
  });

  it('ends a subscription whose subject the permissions refuse with PERMISSION_DENIED, after what it had buffered', async () => {
    const fake = new FakeConnection();
    const errors: NatsBusError[] = [];
    const bus = busOn(fake, errors);
    const subscription = bus.subscribe('orders');
    await bus.publish('orders', makeEvent());
    fake.refuseSubscriptions((subject) => refusal('Subscription', subject));
    expect(subscription.active).toBe(false);
    expect(fake.openSubjects()).toEqual([]);
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    const failure = await iterator.next().catch((err: unknown) => err);
    expect(failure).toMatchObject({
      code: 'PERMISSION_DENIED',
      retryable: false,
      permission: 'subscribe',
      subject: 'app.*.*.orders',
    });
    expect((failure as Error).message).toContain(
      'denied this user permission to subscribe to "app.*.*.orders"',
    );
    expect(errors).toEqual([failure]);
  });

  it('reports a publish the permissions refuse to onError, and the next flush rejects with it once', async () => {
    const fake = new FakeConnection();
    const errors: NatsBusError[] = [];
    const bus = busOn(fake, errors);
    await bus.publish('orders', makeEvent());
    fake.emit({ type: 'error', error: refusal('Publish', 'other-app.T.A.orders') }); // not this bus's
    fake.emit({ type: 'error', error: refusal('Publish', 'app.T.A.orders') });
    await nextTurn();
    expect(errors).toMatchObject([
      { code: 'PERMISSION_DENIED', permission: 'publish', subject: 'app.T.A.orders' },
    ]);
    await expect(bus.flush()).rejects.toBe(errors[0]);
    await expect(bus.flush()).resolves.toBeUndefined();
  });

  it('while disconnected, rejects publish with a retryable DISCONNECTED and delivers nothing, not even locally', async () => {
    const fake = new FakeConnection();
    const bus = busOn(fake);
    const local = bus.subscribe('orders');
    fake.emit({ type: 'disconnect', server: 'x' });
    await nextTurn();
    expect(bus.connected).toBe(false);
    const error = await bus.publish('orders', makeEvent()).catch((err: unknown) => err);
    expect(isNatsBusError(error, 'DISCONNECTED')).toBe(true);
    expect(error).toMatchObject({ retryable: true });
    expect(local.buffered).toBe(0);
    fake.emit({ type: 'reconnect', server: 'x' });
    await nextTurn();
    expect(bus.connected).toBe(true);
    await bus.publish('orders', makeEvent());
    expect(local.buffered).toBe(1);
  });

  it('when the connection closes under it: reports CONNECTION_CLOSED, ends every subscription, refuses work', async () => {
    const fake = new FakeConnection();
    const errors: NatsBusError[] = [];
    const bus = busOn(fake, errors);
    const subscription = bus.subscribe('orders');
    const pending = subscription[Symbol.asyncIterator]().next();
    fake.closeUnder(new Error('too many reconnects'));
    expect((await pending).done).toBe(true);
    expect(errors.map((e) => e.code)).toEqual(['CONNECTION_CLOSED']);
    expect(errors[0]?.message).toContain('too many reconnects');
    await expect(bus.publish('orders', makeEvent())).rejects.toMatchObject({
      code: 'CONNECTION_CLOSED',
      retryable: false,
    });
    expect(() => bus.subscribe('orders')).toThrow(expect.objectContaining({ code: 'CONNECTION_CLOSED' }));
    await bus.close();
  });

  it('refuses an event larger than the server accepts with a ValidationError, before delivering it', async () => {
    const fake = new FakeConnection();
    fake.info = { max_payload: 300 };
    const bus = busOn(fake);
    const local = bus.subscribe('orders');
    const error = await bus
      .publish('orders', makeEvent({ data: { text: 'x'.repeat(400) } }))
      .catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'event' });
    expect((error as Error).message).toContain('max_payload');
    expect(local.buffered).toBe(0);
    expect(fake.published).toEqual([]);
  });

  it('close() ends subscriptions, hands over what was published, and leaves a caller connection open', async () => {
    const fake = new FakeConnection();
    const bus = busOn(fake);
    const subscription = bus.subscribe('orders');
    await bus.publish('billing', makeEvent());
    await bus.close();
    expect(fake.published).toHaveLength(1);
    expect(fake.flushes).toBe(1);
    expect(fake.isClosed()).toBe(false);
    expect(subscription.active).toBe(false);
    expect(fake.openSubjects()).toEqual([]);
    await expect(bus.publish('orders', makeEvent())).rejects.toThrow(/closed/);
    expect(() => bus.subscribe('orders')).toThrow(/closed/);
    await expect(bus.flush()).resolves.toBeUndefined();
  });

  it('close() while the connection is down waits for nothing and leaves a caller connection alone', async () => {
    const fake = new FakeConnection();
    const bus = busOn(fake);
    const subscription = bus.subscribe('orders');
    fake.emit({ type: 'disconnect', server: 'x' });
    await nextTurn();
    await bus.close();
    expect(fake.flushes).toBe(0);
    expect(fake.isClosed()).toBe(false);
    expect(subscription.active).toBe(false);
  });

  it('checks its options before anything is sent', async () => {
    const fake = new FakeConnection();
    for (const [options, field] of [
      [{ subjectPrefix: 'a.*' }, 'subjectPrefix'],
      [{ nodeId: 'has space' }, 'nodeId'],
      [{ onError: 'log' }, 'onError'],
    ] as const) {
      expect(() => new NatsEventBus(fake.asConnection(), options as never)).toThrow(
        expect.objectContaining({ field }),
      );
      // connect() fails on the options, not on the (unreachable) server
      await expect(
        NatsEventBus.connect({ servers: 'nats://127.0.0.1:1', ...(options as object) }),
      ).rejects.toMatchObject({ field });
    }
  });

  it('refuses namespaces and patterns that would make a subject too long for NATS', async () => {
    const bus = busOn(new FakeConnection());
    const long = 'n'.repeat(1025);
    await expect(bus.publish(long, makeEvent())).rejects.toMatchObject({ field: 'namespace' });
    expect(() => bus.subscribe(`${long}.>`)).toThrow(expect.objectContaining({ field: 'namespacePattern' }));
  });

  it('carries actor ids too long for a subject token as a hash, and still filters on the real id', async () => {
    const fake = new FakeConnection();
    const bus = busOn(fake);
    const longId = `order-${'ü'.repeat(3000)}`;
    const remote = new NatsEventBus(fake.asConnection(), { subjectPrefix: 'app', nodeId: 'other' });
    const subscription = bus.subscribe('orders', { actorPattern: longId });
    expect(fake.openSubjects()[0]).toMatch(/^app\.\*\.~H[0-9A-F]{64}\.orders$/);
    await remote.publish('orders', makeEvent({ actorId: longId }));
    await remote.publish('orders', makeEvent({ actorId: `${longId}x` }));
    await remote.flush();
    const [delivery] = await take(subscription, 1);
    expect(delivery?.event.actorId).toBe(longId);
    expect(subscription.buffered).toBe(0);
  });
});
