import type { Event } from '@aether/core';
import { encodeEvent } from '@aether/core/adapter';
import { describe, expect, it } from 'vitest';
import { emptyHistory, extendHistory } from '../history/actor-history.js';
import { ActorCaches } from './actor-caches.js';

function event(version: number): Event {
  return {
    id: `e${version}`,
    eventType: 'Added',
    actorId: 'order-1',
    version,
    data: { version },
    timestamp: new Date(1000 + version),
  };
}

// A history read from the server: events 1..n stored at sequences 10, 20, 30...
function readHistory(n: number) {
  const messages = Array.from({ length: n }, (_, index) => ({
    seq: (index + 1) * 10,
    data: encodeEvent(event(index + 1)),
    follows: index * 10,
  }));
  return extendHistory(emptyHistory(1, 0), 'order-1', messages, n * 10);
}

const caches = () => new ActorCaches({ headCacheSize: 10, historyCacheSize: 100, snapshotIndexSize: 0 });

describe('ActorCaches', () => {
  it('a save makes the head, and extends a cached history that ended where the save followed', () => {
    const cache = caches();
    cache.historyRead('order-1', readHistory(2));
    cache.saved([event(3)], 20, 35);
    expect(cache.head('order-1')).toEqual({ version: 3, seq: 35, lastBelongs: true });
    const history = cache.history('order-1');
    expect(history).toMatchObject({ lastSeq: 35, lastVersion: 3, lastEventId: 'e3', count: 3 });
  });

  it('a save after messages the cached history has not seen drops the history', () => {
    const cache = caches();
    cache.historyRead('order-1', readHistory(2));
    cache.saved([event(4)], 30, 40);
    expect(cache.history('order-1')).toBeUndefined();
    expect(cache.head('order-1')).toEqual({ version: 4, seq: 40, lastBelongs: true });
  });

  it('a confirmed duplicate never moves a later head back', () => {
    const cache = caches();
    cache.saved([event(5)], 40, 50);
    cache.duplicateConfirmed([event(4)], 40);
    expect(cache.head('order-1')).toEqual({ version: 5, seq: 50, lastBelongs: true });
    cache.duplicateConfirmed([event(6)], 60);
    expect(cache.head('order-1')).toEqual({ version: 6, seq: 60, lastBelongs: true });
  });

  it('keeps what a read of the head found, a lost last message included', () => {
    const cache = caches();
    cache.headRead('order-1', { version: 2, seq: 30, lastBelongs: false });
    expect(cache.head('order-1')).toEqual({ version: 2, seq: 30, lastBelongs: false });
  });

  it('keeps a history read as seen, so later readers get copies of its events', () => {
    const cache = caches();
    const history = readHistory(2);
    expect(history.unseenFrom).toBe(0);
    cache.historyRead('order-1', history);
    expect(cache.history('order-1')?.unseenFrom).toBeUndefined();
  });

  it('forgets the head and the history of an actor whose subject is empty', () => {
    const cache = caches();
    cache.historyRead('order-1', readHistory(2));
    cache.saved([event(3)], 20, 30);
    cache.subjectEmpty('order-1');
    expect(cache.head('order-1')).toBeUndefined();
    expect(cache.history('order-1')).toBeUndefined();
  });

  it('remembers where the events after a snapshot start, unless the sequence is unknown (0)', () => {
    const cache = caches();
    cache.snapshotSeen('order-1', { version: 3, seq: 0 });
    expect(cache.snapshotHint('order-1')).toBeUndefined();
    cache.snapshotSeen('order-1', { version: 3, seq: 30 });
    expect(cache.snapshotHint('order-1')).toEqual({ version: 3, seq: 30 });
  });
});
