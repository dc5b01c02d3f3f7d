import { randomUUID } from 'node:crypto';
import { type NatsServer, startNatsServer, userWith } from '@aether/nats-harness';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Msg } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JetStreamEventStore } from './jetstream-event-store.js';
import { makeEvent } from './test-support/nats.js';
import { storePermissions } from './test-support/permissions.js';

// Two tenants in ONE NATS account, each user with the least privilege the README lists: what
// permissions cannot keep apart there, and why the README says "one account per tenant".

const password = 'pw';
const secret = `tenant-a-secret-${randomUUID()}`;
const a = storePermissions('tenant-a', '_INBOX'); // tenant A keeps nats.js's default inbox prefix
const ownInbox = storePermissions('tenant-a2', '_INBOX_a');

let server: NatsServer;
beforeAll(async () => {
  server = await startNatsServer({
    users: [
      { user: 'admin', password },
      userWith('a', password, a.required),
      userWith('a2', password, ownInbox.required),
      // Tenant B may only subscribe to the default inbox prefix, as any nats.js client needs to.
      userWith('b', password, [{ permission: 'subscribe', subject: '_INBOX.>', why: 'its replies' }]),
      // Tenant C may create one stream of its own, and read it.
      userWith('c', password, [
        ...['c-copy', 'c-claim'].flatMap((stream) => [
          {
            permission: 'publish' as const,
            subject: `$JS.API.STREAM.CREATE.${stream}`,
            why: 'a stream of its own',
          },
          { permission: 'publish' as const, subject: `$JS.API.STREAM.MSG.GET.${stream}`, why: 'reading it' },
        ]),
        { permission: 'subscribe', subject: '_INBOX_c.>', why: 'its replies' },
      ]),
      // Tenant A's bus may publish on its own prefix only.
      userWith('a-bus', password, [{ permission: 'publish', subject: 'tenant-a-bus.>', why: 'its bus' }]),
    ],
  });
  for (const storeName of ['tenant-a', 'tenant-a2']) {
    const store = await JetStreamEventStore.connect({
      servers: server.url,
      storeName,
      connection: { user: 'admin', pass: password },
    });
    await store.close();
  }
});
afterAll(() => server?.destroy());

async function saveSecret(user: string, storeName: string, inboxPrefix?: string) {
  const store = await JetStreamEventStore.connect({
    servers: server.url,
    storeName,
    connection: { user, pass: password, inboxPrefix },
  });
  const event = makeEvent(`account-${randomUUID()}`, 1, { data: { secret } });
  await store.saveEvent(event);
  return { store, event };
}

describe('tenants sharing one NATS account', () => {
  it("a user that may subscribe to the shared default inbox prefix reads another tenant's events", async () => {
    const snooper = await connect({ servers: server.url, user: 'b', pass: password });
    const overheard: string[] = [];
    snooper.subscribe('_INBOX.>', {
      callback: (_err, msg: Msg) => {
        overheard.push(new TextDecoder().decode(msg.data));
      },
    });
    await snooper.flush();
    const { store, event } = await saveSecret('a', 'tenant-a');
    try {
      expect(await store.getLatestVersion(event.actorId)).toBe(1); // the answer carries the event
      await snooper.flush();
      expect(overheard.some((text) => text.includes(secret))).toBe(true);
    } finally {
      await store.close();
      await snooper.close();
    }
  });

  it("with an inbox prefix of its own, the same user cannot subscribe to the other tenant's replies", async () => {
    const { store } = await saveSecret('a2', 'tenant-a2', '_INBOX_a');
    const snooper = await connect({ servers: server.url, user: 'b', pass: password });
    try {
      const refused = new Promise<Error | null>((resolve) => {
        snooper.subscribe('_INBOX_a.>', { callback: (err) => resolve(err) });
      });
      expect(await refused).toMatchObject({ name: 'PermissionViolationError', operation: 'subscription' });
    } finally {
      await store.close();
      await snooper.close();
    }
  });

  it("a user allowed to create a stream of its own creates it as a mirror of another tenant's stream, and reads it", async () => {
    const { store, event } = await saveSecret('a', 'tenant-a');
    const subject = store.subjectFor(event.actorId);
    await store.close();
    const copier = await connect({ servers: server.url, user: 'c', pass: password, inboxPrefix: '_INBOX_c' });
    try {
      const jsm = await jetstreamManager(copier, { checkAPI: false });
      await jsm.streams.add({ name: 'c-copy', mirror: { name: 'tenant-a' } });
      // The server copies in the background: wait until the mirror has caught up.
      const copied = await vi.waitFor(
        async () => {
          const message = await jsm.streams.getMessage('c-copy', { last_by_subj: subject });
          if (message === null) throw new Error('not mirrored yet');
          return message;
        },
        { timeout: 10_000, interval: 50 },
      );
      expect(new TextDecoder().decode(copied.data)).toContain(secret);
    } finally {
      await copier.close();
    }
  });

  it("the same user gives a stream of its own another tenant's bus subjects, and records what that tenant publishes", async () => {
    const copier = await connect({ servers: server.url, user: 'c', pass: password, inboxPrefix: '_INBOX_c' });
    const publisher = await connect({ servers: server.url, user: 'a-bus', pass: password });
    try {
      const jsm = await jetstreamManager(copier, { checkAPI: false });
      await jsm.streams.add({ name: 'c-claim', subjects: ['tenant-a-bus.>'] });
      publisher.publish('tenant-a-bus.OrderPlaced.order-1.eu', secret);
      await publisher.flush();
      const recorded = await vi.waitFor(
        async () => {
          const message = await jsm.streams.getMessage('c-claim', { last_by_subj: 'tenant-a-bus.>' });
          if (message === null) throw new Error('not recorded yet');
          return message;
        },
        { timeout: 10_000, interval: 50 },
      );
      expect(new TextDecoder().decode(recorded.data)).toBe(secret);
    } finally {
      await publisher.close();
      await copier.close();
    }
  });
});
