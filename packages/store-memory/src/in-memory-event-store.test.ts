import type { AnyEvent } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { InMemoryEventStore } from './in-memory-event-store.js';

const at = new Date('2024-05-01T12:00:00.000Z');

function itemAdded(actorId: string, version: number): AnyEvent {
  return {
    id: `${actorId}#${version}`,
    eventType: 'ItemAdded',
    actorId,
    version,
    data: { sku: `sku-${version}` },
    timestamp: at,
  };
}

function snapshot(actorId: string, version: number, label: string) {
  return { actorId, version, state: { label }, timestamp: at };
}

describe('InMemoryEventStore', () => {
  // A store that copies the history on every append (O(n) per append) needs minutes for this;
  // amortised O(1) appends take well under a second alone, 5 s on a busy 2-core machine: 60 s
  // still fails a copying store by minutes.
  it('appends 200,000 events to one actor and reads from the middle by binary search', async () => {
    const store = new InMemoryEventStore();
    const count = 200_000;
    for (let version = 1; version <= count; version++) await store.saveEvent(itemAdded('order-1', version));

    expect(await store.getLatestVersion('order-1')).toBe(count);
    const tail = await store.getEvents('order-1', 100_001);
    expect(tail).toHaveLength(100_000);
    expect(tail[0]).toMatchObject({ version: 100_001, data: { sku: 'sku-100001' } });
    expect(tail.at(-1)).toMatchObject({ version: count });
    expect(tail.every((event, index) => event.version === 100_001 + index)).toBe(true);
    expect((await store.getEvents('order-1', count)).map((event) => event.version)).toEqual([count]);
    expect(await store.getEvents('order-1', count + 1)).toEqual([]);
  }, 60_000);

  // Metadata is kept apart from the other fields, only for the events that have some.
  it('returns metadata exactly on the events saved with it, across actors', async () => {
    const store = new InMemoryEventStore();
    const withMetadata = (actorId: string, version: number) => ({
      ...itemAdded(actorId, version),
      metadata: { correlationId: `${actorId}@${version}` },
    });
    await store.saveEvent(itemAdded('order-1', 1));
    await store.saveEvent(withMetadata('order-2', 1));
    await store.saveEvent(itemAdded('order-1', 2));
    await store.saveEvent(withMetadata('order-1', 3));
    await store.saveEvent(itemAdded('order-2', 2));

    const order1 = await store.getEvents('order-1');
    expect(order1.map((event) => event.metadata)).toEqual([
      undefined,
      undefined,
      { correlationId: 'order-1@3' },
    ]);
    expect(order1.map((event) => 'metadata' in event)).toEqual([false, false, true]);
    const order2 = await store.getEvents('order-2');
    expect(order2.map((event) => event.metadata)).toEqual([{ correlationId: 'order-2@1' }, undefined]);
  });

  it('reads from inside a gap in the versions', async () => {
    const store = new InMemoryEventStore();
    for (const version of [2, 4, 8, 16]) await store.saveEvent(itemAdded('order-1', version));

    expect((await store.getEvents('order-1', 5)).map((event) => event.version)).toEqual([8, 16]);
    expect((await store.getEvents('order-1', 1)).map((event) => event.version)).toEqual([2, 4, 8, 16]);
    expect((await store.getEvents('order-1', 17)).map((event) => event.version)).toEqual([]);
  });

  it('keeps its own frozen copy, hands out that one object and a new Date at every timestamp read', async () => {
    const store = new InMemoryEventStore();
    const saved = itemAdded('order-1', 1);
    await store.saveEvent(saved);

    const [first] = await store.getEvents('order-1');
    const [second] = await store.getEvents('order-1');
    expect(first).not.toBe(saved);
    expect(first).toBe(second);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.data)).toBe(true);
    expect(first?.timestamp).not.toBe(first?.timestamp);
    first?.timestamp.setTime(0);
    expect(second?.timestamp.getTime()).toBe(saved.timestamp.getTime());
  });

  it('reads back every time exactly, however far it is from now', async () => {
    const store = new InMemoryEventStore();
    const times = [0, Date.UTC(1995, 2, 27, 16, 52, 17, 890), Date.now() + 1, Date.UTC(2400, 0, 1), -8.64e15];
    for (const [index, time] of times.entries()) {
      await store.saveEvent({ ...itemAdded('order-1', index + 1), timestamp: new Date(time) });
    }

    expect((await store.getEvents('order-1')).map((event) => event.timestamp.getTime())).toEqual(times);
  });

  it('hands out plain objects with exactly the fields of an Event', async () => {
    const store = new InMemoryEventStore();
    const saved = { ...itemAdded('order-1', 1), metadata: { correlationId: 'c-1' } };
    await store.saveEvent(saved);

    const [read] = await store.getEvents('order-1');
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.keys(read ?? {})).toEqual([
      'id',
      'eventType',
      'actorId',
      'version',
      'data',
      'timestamp',
      'metadata',
    ]);
    expect(read).toStrictEqual(saved);
    expect(JSON.parse(JSON.stringify(read))).toEqual({ ...saved, timestamp: saved.timestamp.toISOString() });
    expect({ ...read }).toStrictEqual(saved);
  });

  // A lowercase UUID is kept as numbers and written out again at every read of `id`.
  it('gives back every id exactly as saved, UUID or not, and the same at every read', async () => {
    const store = new InMemoryEventStore();
    const ids = [
      '01234567-89ab-cdef-0123-456789abcdef',
      '01234567-89AB-CDEF-0123-456789ABCDEF',
      '01234567-89ab-cdef-0123-456789abcdeg',
      'order-1#4',
    ];
    for (const [index, id] of ids.entries())
      await store.saveEvent({ ...itemAdded('order-1', index + 1), id });

    const read = await store.getEvents('order-1');
    expect(read.map((event) => event.id)).toEqual(ids);
    expect((await store.getEvents('order-1')).map((event) => event.id)).toEqual(ids);
    expect((await store.readAll()).map(({ event }) => event.id)).toEqual(ids);
  });

  it('hands out a new snapshot object with a new Date on every read', async () => {
    const store = new InMemoryEventStore();
    await store.saveEvent(itemAdded('order-1', 1));
    const saved = snapshot('order-1', 1, 'one');
    await store.saveSnapshot(saved);

    const first = await store.getLatestSnapshot('order-1');
    const second = await store.getLatestSnapshot('order-1');
    expect(first).toEqual(saved);
    expect(first).not.toBe(second);
    expect(first?.timestamp).not.toBe(second?.timestamp);
    expect(Object.isFrozen(first?.state)).toBe(true);
  });

  it('keeps the snapshot with the highest version: an older one is accepted and ignored', async () => {
    const store = new InMemoryEventStore();
    for (let version = 1; version <= 3; version++) await store.saveEvent(itemAdded('order-1', version));
    await store.saveSnapshot(snapshot('order-1', 3, 'three'));

    await expect(store.saveSnapshot(snapshot('order-1', 2, 'two'))).resolves.toBeUndefined();
    expect(await store.getLatestSnapshot('order-1')).toMatchObject({ version: 3, state: { label: 'three' } });
  });

  it('replaces the snapshot with a newer one of the same version', async () => {
    const store = new InMemoryEventStore();
    await store.saveEvent(itemAdded('order-1', 1));
    await store.saveSnapshot(snapshot('order-1', 1, 'first'));
    await store.saveSnapshot(snapshot('order-1', 1, 'second'));

    expect(await store.getLatestSnapshot('order-1')).toMatchObject({
      version: 1,
      state: { label: 'second' },
    });
  });

  it('reports no errors next to the events, since memory only holds validated events', async () => {
    const store = new InMemoryEventStore();
    await store.saveEvent(itemAdded('order-1', 1));
    await store.saveEvent(itemAdded('order-1', 2));

    const { events, errors } = await store.getEventsWithErrors('order-1', 2);
    expect(events.map((event) => event.version)).toEqual([2]);
    expect(errors).toEqual([]);
  });
});
