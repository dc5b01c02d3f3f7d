import { describe, expect, it } from 'vitest';
import type { ActorSnapshot, AnyEvent, Event } from './event.js';
import type { EventStore, SnapshotStore } from './event-store.js';
import { isSnapshotStore, loadState } from './load-state.js';
import type { Reducer } from './replay.js';

type CounterEvent = Event<'Added', { amount: number }>;
type Counter = { total: number; versions: number[] };

const at = new Date('2024-05-01T10:00:00.000Z');
const added = (actorId: string, version: number, amount: number): CounterEvent => ({
  id: `${actorId}-${version}`,
  eventType: 'Added',
  actorId,
  version,
  data: { amount },
  timestamp: at,
});
const reducer: Reducer<Counter, CounterEvent> = (state, event) => ({
  total: state.total + event.data.amount,
  versions: [...state.versions, event.version],
});
const initial: Counter = { total: 0, versions: [] };

/** The smallest store that keeps the contract's read side; records every read it serves. */
class FakeStore implements EventStore {
  readonly reads: { actorId: string; fromVersion: number | undefined }[] = [];
  protected readonly events = new Map<string, Event[]>();

  async saveEvent(event: AnyEvent): Promise<void> {
    const list = this.events.get(event.actorId) ?? [];
    list.push(event as Event);
    this.events.set(event.actorId, list);
  }

  async saveEvents(events: readonly AnyEvent[]): Promise<void> {
    for (const event of events) await this.saveEvent(event);
  }

  async getEvents(actorId: string, fromVersion?: number): Promise<Event[]> {
    this.reads.push({ actorId, fromVersion });
    return (this.events.get(actorId) ?? []).filter((event) => event.version >= (fromVersion ?? 1));
  }

  async getLatestVersion(actorId: string): Promise<number> {
    return this.events.get(actorId)?.at(-1)?.version ?? 0;
  }
}

class FakeSnapshotStore extends FakeStore implements SnapshotStore {
  readonly snapshots = new Map<string, ActorSnapshot>();

  async getLatestSnapshot(actorId: string): Promise<ActorSnapshot | undefined> {
    return this.snapshots.get(actorId);
  }

  async saveSnapshot(snapshot: ActorSnapshot): Promise<void> {
    this.snapshots.set(snapshot.actorId, snapshot);
  }
}

async function fill(store: EventStore, actorId: string, amounts: number[]): Promise<void> {
  for (const [index, amount] of amounts.entries()) await store.saveEvent(added(actorId, index + 1, amount));
}

describe('isSnapshotStore', () => {
  it('is true only when both snapshot methods exist', () => {
    expect(isSnapshotStore(new FakeSnapshotStore())).toBe(true);
    expect(isSnapshotStore(new FakeStore())).toBe(false);
    const halfway = Object.assign(new FakeStore(), { getLatestSnapshot: async () => undefined });
    expect(isSnapshotStore(halfway)).toBe(false);
  });
});

describe('loadState', () => {
  it('replays every event from a store without snapshots', async () => {
    const store = new FakeStore();
    await fill(store, 'c-1', [1, 2, 3]);
    await fill(store, 'c-2', [100]);
    const result = await loadState(store, 'c-1', reducer, initial);
    expect(result.state).toEqual({ total: 6, versions: [1, 2, 3] });
    expect(result.version).toBe(3);
    expect(result.applied).toBe(3);
    expect(result.snapshotVersion).toBeUndefined();
    expect(store.reads).toEqual([{ actorId: 'c-1', fromVersion: undefined }]);
  });

  it('returns the initial state at version 0 for an unknown actor', async () => {
    const result = await loadState(new FakeStore(), 'nobody', reducer, initial);
    expect(result).toMatchObject({ state: initial, version: 0, applied: 0 });
  });

  it('replays every event from a snapshot store that has no snapshot for the actor', async () => {
    const store = new FakeSnapshotStore();
    await fill(store, 'c-1', [1, 2]);
    const result = await loadState(store, 'c-1', reducer, initial);
    expect(result).toMatchObject({ state: { total: 3, versions: [1, 2] }, version: 2, applied: 2 });
    expect(result.snapshotVersion).toBeUndefined();
  });

  it('starts from the latest snapshot and reads only the newer events', async () => {
    const store = new FakeSnapshotStore();
    await fill(store, 'c-1', [1, 2, 3, 4]);
    await store.saveSnapshot({
      actorId: 'c-1',
      version: 2,
      state: { total: 30, versions: [] },
      timestamp: at,
    });
    const result = await loadState(store, 'c-1', reducer, initial);
    // 30 from the snapshot (not 1 + 2), plus events 3 and 4
    expect(result.state).toEqual({ total: 37, versions: [3, 4] });
    expect(result.version).toBe(4);
    expect(result.applied).toBe(2);
    expect(result.snapshotVersion).toBe(2);
    expect(store.reads).toEqual([{ actorId: 'c-1', fromVersion: 3 }]);
  });

  it('returns the snapshot state when it covers every event', async () => {
    const store = new FakeSnapshotStore();
    await fill(store, 'c-1', [1, 2]);
    await store.saveSnapshot({
      actorId: 'c-1',
      version: 2,
      state: { total: 3, versions: [1, 2] },
      timestamp: at,
    });
    const result = await loadState(store, 'c-1', reducer, initial);
    expect(result).toMatchObject({
      state: { total: 3, versions: [1, 2] },
      version: 2,
      applied: 0,
      snapshotVersion: 2,
    });
  });

  it('skips events at or below the snapshot even if the store returns them', async () => {
    const store = new FakeSnapshotStore();
    await fill(store, 'c-1', [1, 2, 3]);
    store.getEvents = async (actorId: string) => [
      ...((await FakeStore.prototype.getEvents.call(store, actorId)) as Event[]),
    ];
    await store.saveSnapshot({
      actorId: 'c-1',
      version: 2,
      state: { total: 0, versions: [] },
      timestamp: at,
    });
    const result = await loadState(store, 'c-1', reducer, initial);
    expect(result).toMatchObject({ state: { total: 3, versions: [3] }, version: 3, applied: 1 });
  });
});
