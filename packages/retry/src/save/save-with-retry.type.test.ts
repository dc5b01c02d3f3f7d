import type { Event, EventStore } from '@aether/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { LineAdded, Lines } from '../test-support/order.js';
import { linesReducer } from '../test-support/order.js';
import { type SaveResult, saveWithRetry } from './save-with-retry.js';

// Type-level checks, run by `tsc -p tsconfig.test.json` (the typecheck task); the runtime body
// never executes the calls.
declare const store: EventStore;
declare const makeLine: (version: number) => LineAdded;

describe('saveWithRetry types', () => {
  it('without a reducer: makeEvent gets no state, and the result is typed by the event', () => {
    const call = () =>
      saveWithRetry(store, 'a', (version, state) => {
        expectTypeOf(version).toEqualTypeOf<number>();
        expectTypeOf(state).toEqualTypeOf<undefined>();
        return makeLine(version + 1);
      });
    expectTypeOf(call).returns.resolves.toEqualTypeOf<SaveResult<LineAdded, undefined>>();
  });

  it('with a reducer: makeEvent gets the state, the result carries it', () => {
    const call = () =>
      saveWithRetry(
        store,
        'a',
        (version, state) => {
          expectTypeOf(state).toEqualTypeOf<Lines>();
          return makeLine(version + 1);
        },
        { reducer: linesReducer, initialState: { lines: [] } },
      );
    expectTypeOf(call).returns.resolves.toEqualTypeOf<SaveResult<LineAdded, Lines>>();
  });

  it('rejects an event the reducer cannot fold, and an initial state of the wrong shape', () => {
    const other = (version: number): Event<'Other', { x: number }> => ({
      id: 'x',
      eventType: 'Other',
      actorId: 'a',
      version,
      data: { x: 1 },
      timestamp: new Date(),
    });
    const wrongEvent = () =>
      // @ts-expect-error linesReducer folds LineAdded events only
      saveWithRetry(store, 'a', (version) => other(version + 1), {
        reducer: linesReducer,
        initialState: { lines: [] },
      });
    const wrongState = () =>
      saveWithRetry(store, 'a', (version) => makeLine(version + 1), {
        reducer: linesReducer,
        // @ts-expect-error the state is { lines: string[] }
        initialState: { items: [] },
      });
    expectTypeOf(wrongEvent).toBeFunction();
    expectTypeOf(wrongState).toBeFunction();
  });
});
