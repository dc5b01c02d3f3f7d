import { isRetryable } from '@aether/core';
import { compilePattern } from '@aether/core/adapter';
import { readerFor, readmeBlock } from '@aether/doc-check';
import {
  type NatsCluster,
  type NatsServer,
  type NatsUser,
  type Permission,
  startNatsCluster,
  startNatsServer,
  userWith,
} from '@aether/nats-harness';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isJetStreamStoreError } from './errors/store-error.js';
import { JetStreamEventStore } from './jetstream-event-store.js';
import {
  replicatedStorePermissions,
  storePermissions,
  storePermissionsBlock,
} from './test-support/permissions.js';
import { storeWorkload, type WorkloadOutcome } from './test-support/store-workload.js';

const readme = readerFor(import.meta.url)('../README.md');
const inboxPrefix = '_INBOX_shop';
const password = 'pw';
/** Every answer's timeout: a refusal must come long before it. */
const timeout = 4000;
const shop = storePermissions('shop', inboxPrefix);
// One user per permission taken away, and one store name per creation permission taken away (a
// stream or bucket that does not exist yet).
const madeStreams = [0, 1, 2].map((index) => storePermissions(`made-${index}`, inboxPrefix));
const madeStream = (index: number) => madeStreams[index] as (typeof madeStreams)[number];

function users(): NatsUser[] {
  return [
    { user: 'admin', password },
    // The README's block, as it is: the server must accept it, and it must be enough.
    { user: 'app', password, permissions: readmeBlock(readme, 'permissions', 'text') },
    ...shop.required.map((_, index) => userWith(`without-${index}`, password, without(shop.required, index))),
    userWith('creates', password, [...madeStream(0).required, ...madeStream(0).creation]),
    userWith('indexes', password, [...shop.required, ...shop.snapshotIndex]),
    ...[1, 2].map((stream) => {
      const { required, creation } = madeStream(stream);
      return userWith(`creates-without-${stream}`, password, [...required, ...without(creation, stream - 1)]);
    }),
  ];
}

function without(permissions: readonly Permission[], index: number): Permission[] {
  return permissions.filter((_, other) => other !== index);
}

let server: NatsServer;
beforeAll(async () => {
  server = await startNatsServer({ users: users() });
});
afterAll(() => server?.destroy());

function opener(
  user: string,
  storeName: string,
  options: { servers?: string | string[]; replicas?: number } = {},
): () => Promise<JetStreamEventStore> {
  return () =>
    JetStreamEventStore.connect({
      servers: options.servers ?? server.url,
      storeName,
      replicas: options.replicas,
      timeout,
      connection: { user, pass: password, inboxPrefix },
    });
}

// Opens `storeName` as the administrator, creating the stream and the snapshot bucket.
async function createAsAdmin(
  storeName: string,
  options: { servers?: string | string[]; replicas?: number } = {},
): Promise<void> {
  const store = await JetStreamEventStore.connect({
    servers: options.servers ?? server.url,
    storeName,
    replicas: options.replicas,
    connection: { user: 'admin', pass: password },
  });
  await store.getLatestSnapshot('nobody'); // the bucket is made on first use
  await store.close();
}

/** Expects the workload to have stopped at once on a refusal of `missing`, reported as PERMISSION_DENIED. */
function expectRefused(outcome: WorkloadOutcome, missing: Permission): void {
  const failed = outcome.failed;
  expect(failed, `the workload went through without ${missing.subject}`).toBeDefined();
  const error = failed?.error;
  expect(isJetStreamStoreError(error, 'PERMISSION_DENIED'), String(error)).toBe(true);
  expect(isRetryable(error)).toBe(false);
  expect(error).toMatchObject({ permission: missing.permission });
  const subject = (error as { subject: string }).subject;
  expect(compilePattern(missing.subject)(subject), `${subject} is not under ${missing.subject}`).toBe(true);
  expect((error as Error).message).toContain(
    `permission to ${missing.permission} to ${JSON.stringify(subject)}`,
  );
  expect((error as Error).cause).toBeDefined();
  expect(failed?.ms).toBeLessThan(timeout / 2);
}

describe('a store with the least privilege', () => {
  it('shows in the README exactly the permissions these tests prove', () => {
    expect(readmeBlock(readme, 'permissions', 'text')).toBe(storePermissionsBlock(shop));
  });

  it("runs the whole workload with the README's permissions, once an administrator has created the stream", async () => {
    await createAsAdmin('shop');
    const outcome = await storeWorkload(opener('app', 'shop'));
    expect(outcome.failed).toBeUndefined();
  });

  shop.required.forEach((missing, index) => {
    it(`without ${missing.permission} ${missing.subject}, fails at once with PERMISSION_DENIED naming it`, async () => {
      await createAsAdmin('shop');
      const outcome = await storeWorkload(opener(`without-${index}`, 'shop'));
      expectRefused(outcome, missing);
      const { step, ms, error } = outcome.failed as NonNullable<WorkloadOutcome['failed']>;
      console.log(
        `[least privilege] without ${missing.permission} ${missing.subject}: ${step} failed in ${ms} ms, ` +
          `refused ${(error as { subject: string }).subject}`,
      );
    });
  });

  it('watches the snapshot keys with the optional lines, deleting its consumer on close(); without them asks the server', async () => {
    await createAsAdmin('shop');
    const admin = await connect({ servers: server.url, user: 'admin', pass: password });
    try {
      const jsm = await jetstreamManager(admin);
      const watches = async () => (await jsm.consumers.list('KV_shop-snapshots').next()).length;
      const plain = await opener('app', 'shop')();
      expect(await plain.getLatestSnapshot('nobody')).toBeUndefined();
      expect(await plain.getLatestSnapshot('nobody')).toBeUndefined();
      await plain.close();
      expect(await watches()).toBe(0);
      const indexing = await opener('indexes', 'shop')();
      expect(await indexing.getLatestSnapshot('nobody')).toBeUndefined();
      expect(await indexing.getLatestSnapshot('nobody')).toBeUndefined(); // the second lookup starts the watch
      await vi.waitFor(async () => expect(await watches()).toBe(1), { timeout: timeout * 2 });
      await indexing.close();
      expect(await watches()).toBe(0);
    } finally {
      await admin.close();
    }
  });

  it('creates its stream and snapshot bucket itself with the two STREAM.CREATE permissions, and without either fails', async () => {
    const outcome = await storeWorkload(opener('creates', 'made-0'));
    expect(outcome.failed).toBeUndefined();
    for (const stream of [1, 2]) {
      const missing = madeStream(stream).creation[stream - 1] as Permission;
      expectRefused(await storeWorkload(opener(`creates-without-${stream}`, `made-${stream}`)), missing);
    }
  });
});

describe('a store with the least privilege on a replicated stream', () => {
  const replicated = replicatedStorePermissions(storePermissions('shop-r3', inboxPrefix));
  let cluster: NatsCluster;
  beforeAll(async () => {
    cluster = await startNatsCluster({
      users: [
        { user: 'admin', password },
        userWith('app', password, replicated),
        ...replicated.map((_, index) => userWith(`without-${index}`, password, without(replicated, index))),
      ],
    });
    await createAsAdmin('shop-r3', { servers: cluster.urls, replicas: 3 });
  });
  afterAll(() => cluster?.destroy());

  it("runs the whole workload with the leader's message get instead of the direct gets, and without any one permission fails with PERMISSION_DENIED", async () => {
    const servers = cluster.urls;
    const outcome = await storeWorkload(opener('app', 'shop-r3', { servers, replicas: 3 }));
    expect(outcome.failed).toBeUndefined();
    for (const [index, missing] of replicated.entries()) {
      expectRefused(
        await storeWorkload(opener(`without-${index}`, 'shop-r3', { servers, replicas: 3 })),
        missing,
      );
    }
  });
});
