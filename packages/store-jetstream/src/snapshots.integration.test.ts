import { loadState } from '@aether/core';
import { encodeSubjectToken } from '@aether/core/adapter';
import { natsUrl } from '@aether/nats-harness/vitest';
import { Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { JetStreamEventStore } from './jetstream-event-store.js';
import { makeEvent, manager, testConnection, testStore, uniqueStoreName } from './test-support/nats.js';

const nc = await testConnection();
const storeName = uniqueStoreName('snapshots');
const store = await testStore(nc, { storeName });

async function saveHistory(actorId: string, count: number): Promise<void> {
  for (let version = 1; version <= count; version++) await store.saveEvent(makeEvent(actorId, version));
}

describe('snapshots', () => {
  it('live in a KV bucket per stream, keyed by the encoded actor id, with the stream sequence they cover', async () => {
    const actorId = `cart.${crypto.randomUUID()} ~`;
    await saveHistory(actorId, 3);
    await store.saveSnapshot({ actorId, version: 3, state: { items: 3 }, timestamp: new Date(7) });
    const kv = await new Kvm(nc).open(`${storeName}-snapshots`);
    const entry = await kv.get(encodeSubjectToken(actorId).replaceAll('~', '='));
    const stored = entry?.json<{ version: number; streamSequence: number }>();
    const head = await (await manager(nc)).direct.getMessage(store.stream, {
      last_by_subj: store.subjectFor(actorId),
    });
    expect(stored?.version).toBe(3);
    expect(stored?.streamSequence).toBe(head?.seq);
  });

  it('record the sequence of the covered event when the actor has moved on', async () => {
    const actorId = `older-${crypto.randomUUID()}`;
    await saveHistory(actorId, 5);
    await store.saveSnapshot({ actorId, version: 2, state: {}, timestamp: new Date(7) });
    const kv = await new Kvm(nc).open(`${storeName}-snapshots`);
    const stored = (await kv.get(encodeSubjectToken(actorId)))?.json<{ streamSequence: number }>();
    const events = await store.getEvents(actorId);
    expect(events.map((event) => event.version)).toEqual([1, 2, 3, 4, 5]);
    const { streamSequence } = stored ?? { streamSequence: -1 };
    const v2 = await (await manager(nc)).direct.getMessage(store.stream, { seq: streamSequence });
    expect(JSON.parse(new TextDecoder().decode(v2?.data)).version).toBe(2);
  });

  it('let a fresh process load snapshot + newer events, reading only the tail of the subject', async () => {
    const actorId = `long-${crypto.randomUUID()}`;
    await saveHistory(actorId, 60);
    await store.saveSnapshot({ actorId, version: 58, state: { count: 58 }, timestamp: new Date(7) });
    const counted = await connect({ servers: natsUrl() });
    const reader = await JetStreamEventStore.open(counted, { storeName });
    try {
      const before = counted.stats().inMsgs;
      const state = await loadState(reader, actorId, (count: number) => count + 1, 0);
      // snapshot get + direct get + stream info + consumer create + 2 events (+ heartbeats): far fewer than 60.
      expect(counted.stats().inMsgs - before).toBeLessThan(15);
      expect(state.snapshotVersion).toBe(58);
      expect(state.version).toBe(60);
    } finally {
      await reader.close();
      await counted.close();
    }
  });

  it('never move back to an older version, whichever process saves last', async () => {
    const actorId = `racing-${crypto.randomUUID()}`;
    await saveHistory(actorId, 4);
    await Promise.all(
      [4, 2, 3, 1].map((version) =>
        store.saveSnapshot({ actorId, version, state: { version }, timestamp: new Date(version) }),
      ),
    );
    expect((await store.getLatestSnapshot(actorId))?.version).toBe(4);
  });
});
