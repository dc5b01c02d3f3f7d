import { describe, expect, it } from 'vitest';
import type { ActorSnapshot, Event } from './event.js';
import { type Reducer, replay } from './replay.js';

type CounterEvent = Event<'Added', { amount: number }> | Event<'Reset', Record<string, never>>;
interface Counter {
  total: number;
  seen: number[];
}

const at = new Date('2024-05-01T10:00:00.000Z');
const added = (version: number, amount: number): CounterEvent => ({
  id: `e${version}`,
  eventType: 'Added',
  actorId: 'counter-1',
  version,
  data: { amount },
  timestamp: at,
});
const reset = (version: number): CounterEvent => ({
  id: `e${version}`,
  eventType: 'Reset',
  actorId: 'counter-1',
  version,
  data: {},
  timestamp: at,
});

const reducer: Reducer<Counter, CounterEvent> = (state, event) => {
  switch (event.eventType) {
    case 'Added':
      return { total: state.total + event.data.amount, seen: [...state.seen, event.version] };
    case 'Reset':
      return { total: 0, seen: [...state.seen, event.version] };
  }
};

const empty: Counter = { total: 0, seen: [] };

describe('replay', () => {
  it('folds events in order from an initial state', () => {
    const result = replay([added(1, 5), added(2, 7), reset(3), added(4, 2)], reducer, { initial: empty });
    expect(result).toEqual({ state: { total: 2, seen: [1, 2, 3, 4] }, version: 4, applied: 4 });
  });

  it('returns the initial state at version 0 for no events', () => {
    const result = replay([], reducer, { initial: empty });
    expect(result.state).toBe(empty);
    expect(result.version).toBe(0);
    expect(result.applied).toBe(0);
  });

  it('does not change the initial state when the reducer is pure', () => {
    replay([added(1, 5)], reducer, { initial: empty });
    expect(empty).toEqual({ total: 0, seen: [] });
  });

  it('starts from a snapshot and skips events at or below its version', () => {
    const snapshot: ActorSnapshot<Counter> = {
      actorId: 'counter-1',
      version: 2,
      state: { total: 12, seen: [1, 2] },
      timestamp: at,
    };
    const history = [added(1, 5), added(2, 7), added(3, 1), added(4, 10)];
    const result = replay(history, reducer, { snapshot });
    expect(result).toEqual({ state: { total: 23, seen: [1, 2, 3, 4] }, version: 4, applied: 2 });
  });

  it('returns the snapshot state and version when no event is newer', () => {
    const snapshot: ActorSnapshot<Counter> = {
      actorId: 'counter-1',
      version: 4,
      state: { total: 9, seen: [] },
      timestamp: at,
    };
    const result = replay([added(3, 1), added(4, 10)], reducer, { snapshot });
    expect(result).toEqual({ state: { total: 9, seen: [] }, version: 4, applied: 0 });
  });

  it('skips duplicated and stale events in the input', () => {
    const result = replay([added(1, 1), added(1, 100), added(2, 2), added(1, 100)], reducer, {
      initial: empty,
    });
    expect(result).toEqual({ state: { total: 3, seen: [1, 2] }, version: 2, applied: 2 });
  });

  it('accepts any iterable, read once', () => {
    function* history() {
      yield added(1, 1);
      yield added(2, 2);
    }
    expect(replay(history(), reducer, { initial: empty }).state.total).toBe(3);
  });

  it('lets a reducer error escape unchanged', () => {
    const boom = new Error('boom');
    const failing: Reducer<Counter, CounterEvent> = () => {
      throw boom;
    };
    expect(() => replay([added(1, 1)], failing, { initial: empty })).toThrow(boom);
  });

  it('folds a long history', () => {
    const history = Array.from({ length: 10_000 }, (_, index) => added(index + 1, 1));
    const sum: Reducer<number, CounterEvent> = (state, event) =>
      event.eventType === 'Added' ? state + event.data.amount : 0;
    expect(replay(history, sum, { initial: 0 })).toEqual({ state: 10_000, version: 10_000, applied: 10_000 });
  });
});
