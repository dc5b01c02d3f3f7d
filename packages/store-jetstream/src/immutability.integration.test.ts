import { JetStreamApiError, jetstream } from '@nats-io/jetstream';
import { headers } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';
import { makeEvent, manager, testConnection, testStore, uniqueStoreName } from './test-support/nats.js';

const nc = await testConnection();
const store = await testStore(nc, { storeName: uniqueStoreName('immutable') });
const actorId = `ledger-${crypto.randomUUID()}`;
const events = [makeEvent(actorId, 1), makeEvent(actorId, 2)];
for (const event of events) await store.saveEvent(event);

async function apiCode(operation: Promise<unknown>): Promise<number | undefined> {
  const error = await operation.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(JetStreamApiError);
  return (error as JetStreamApiError).code;
}

describe('the server refuses to change stored history', () => {
  it('refuses a raw message delete (10057)', async () => {
    const jsm = await manager(nc);
    const last = await jsm.direct.getMessage(store.stream, { last_by_subj: store.subjectFor(actorId) });
    expect(await apiCode(jsm.streams.deleteMessage(store.stream, last?.seq ?? 1))).toBe(10057);
    expect(await apiCode(jsm.streams.deleteMessage(store.stream, last?.seq ?? 1, false))).toBe(10057);
  });

  it('refuses a purge of the stream or of one actor subject (10110)', async () => {
    const jsm = await manager(nc);
    expect(await apiCode(jsm.streams.purge(store.stream))).toBe(10110);
    expect(await apiCode(jsm.streams.purge(store.stream, { filter: store.subjectFor(actorId) }))).toBe(10110);
  });

  it('refuses to switch deny_delete or deny_purge off (10052)', async () => {
    const jsm = await manager(nc);
    const { config } = await jsm.streams.info(store.stream);
    expect(await apiCode(jsm.streams.update(store.stream, { ...config, deny_delete: false }))).toBe(10052);
    expect(await apiCode(jsm.streams.update(store.stream, { ...config, deny_purge: false }))).toBe(10052);
  });

  it('refuses a rollup message that would replace the actor history', async () => {
    const h = headers();
    h.set('Nats-Rollup', 'sub');
    await expect(
      jetstream(nc).publish(store.subjectFor(actorId), JSON.stringify(makeEvent(actorId, 3)), { headers: h }),
    ).rejects.toThrow();
  });

  it('still has every event afterwards', async () => {
    expect(await store.getEvents(actorId)).toEqual(events);
  });
});
