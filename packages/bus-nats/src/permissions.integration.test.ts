import { readerFor, readmeBlock } from '@aether/doc-check';
import {
  type NatsServer,
  type Permission,
  permissionsBlock,
  startNatsServer,
  userWith,
} from '@aether/nats-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsBusError } from './errors/bus-error.js';
import { NatsEventBus } from './nats-event-bus.js';
import { makeEvent, settle, take } from './test-support/nats.js';
import { busPermissions } from './test-support/permissions.js';

const readme = readerFor(import.meta.url)('../README.md');
const subjectPrefix = 'shop.bus';
const password = 'pw';
const [publish, subscribe] = busPermissions(subjectPrefix) as [Permission, Permission];

let server: NatsServer;
beforeAll(async () => {
  server = await startNatsServer({
    jetstream: false,
    users: [
      // The README's block, as it is: the server must accept it, and it must be enough.
      { user: 'app', password, permissions: readmeBlock(readme, 'permissions', 'text') },
      userWith('without-publish', password, [subscribe]),
      userWith('without-subscribe', password, [publish]),
      userWith('narrow', password, [
        { permission: 'subscribe', subject: 'shop.bus.OrderPlaced.*.eu.*', why: '' },
      ]),
    ],
  });
});
afterAll(() => server?.destroy());

async function busAs(user: string, errors: NatsBusError[] = []): Promise<NatsEventBus> {
  return NatsEventBus.connect({
    servers: server.url,
    subjectPrefix,
    connection: { user, pass: password },
    onError: (error) => errors.push(error),
  });
}

describe('a bus with the least privilege', () => {
  it('shows in the README exactly the permissions these tests prove', () => {
    expect(readmeBlock(readme, 'permissions', 'text')).toBe(permissionsBlock(busPermissions(subjectPrefix)));
  });

  it("publishes and subscribes with the README's permissions", async () => {
    const [publisher, subscriber] = [await busAs('app'), await busAs('app')];
    try {
      const subscription = subscriber.subscribe('eu.*');
      await settle(publisher, subscriber);
      const event = makeEvent();
      await publisher.publish('eu.tea', event);
      await settle(publisher, subscriber);
      expect((await take(subscription, 1))[0]?.event.id).toBe(event.id);
    } finally {
      await Promise.all([publisher.close(), subscriber.close()]);
    }
  });

  it('without the publish permission: the next flush and onError report PERMISSION_DENIED naming the subject', async () => {
    const errors: NatsBusError[] = [];
    const bus = await busAs('without-publish', errors);
    try {
      const event = makeEvent();
      await bus.publish('eu.tea', event); // does not wait for the server
      const subject = bus.subjectFor('eu.tea', event.eventType, event.actorId);
      const failure = await bus.flush().catch((err: unknown) => err);
      expect(failure).toMatchObject({
        code: 'PERMISSION_DENIED',
        retryable: false,
        permission: 'publish',
        subject,
      });
      expect((failure as Error).cause).toMatchObject({ name: 'PermissionViolationError' });
      expect(errors).toEqual([failure]);
    } finally {
      await bus.close();
    }
  });

  it('without the subscribe permission: the subscription ends with PERMISSION_DENIED naming its subject', async () => {
    const errors: NatsBusError[] = [];
    const bus = await busAs('without-subscribe', errors);
    try {
      const subscription = bus.subscribe('eu.*');
      await bus.flush(); // the server has refused it by the time it answers
      expect(subscription.active).toBe(false);
      const failure = await subscription[Symbol.asyncIterator]()
        .next()
        .catch((err: unknown) => err);
      expect(failure).toMatchObject({
        code: 'PERMISSION_DENIED',
        retryable: false,
        permission: 'subscribe',
        subject: 'shop.bus.*.*.eu.*',
      });
      expect(errors).toEqual([failure]);
    } finally {
      await bus.close();
    }
  });

  it('needs to subscribe only to the subjects its subscriptions listen on', async () => {
    const [publisher, subscriber] = [await busAs('app'), await busAs('narrow')];
    try {
      const placed = subscriber.subscribe('eu.*', { eventTypes: ['OrderPlaced'] });
      const everything = subscriber.subscribe('eu.*');
      await settle(publisher, subscriber);
      const event = makeEvent({ eventType: 'OrderPlaced' });
      await publisher.publish('eu.tea', event);
      await settle(publisher, subscriber);
      expect((await take(placed, 1))[0]?.event.id).toBe(event.id);
      await expect(everything[Symbol.asyncIterator]().next()).rejects.toMatchObject({
        code: 'PERMISSION_DENIED',
        subject: 'shop.bus.*.*.eu.*',
      });
    } finally {
      await Promise.all([publisher.close(), subscriber.close()]);
    }
  });
});
