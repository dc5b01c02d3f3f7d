import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import type { SuiteContext } from './suite-context.js';
import { uniqueIds } from './unique-ids.js';

/** Makes the store under test; may be async (connect, create a stream, ...). */
export type StoreFactory<S> = () => S | Promise<S>;

/** Options every store suite accepts. */
export interface StoreSuiteOptions<S> {
  /**
   * Releases a store made by the factory. Default: `await store.close()` when the store has a
   * `close` method, otherwise nothing.
   */
  teardown?: (store: S) => void | Promise<void>;
  /**
   * `'test'` (default): a new store before every test, torn down after it. `'suite'`: one store
   * for the whole suite, made before the first test and torn down after the last; safe because
   * every test uses its own actor ids.
   */
  storeScope?: 'test' | 'suite';
  /** Milliseconds each test and each setup/teardown hook may take; default: vitest's setting. */
  timeout?: number;
  /** Start of every actor and event id the suite writes; default `'conformance'`. */
  idPrefix?: string;
}

/**
 * Registers a store suite: a `describe` block with the suite's timeout, whose `tests` share a
 * store made per test (or per suite) and ids that start with the suite's `idPrefix`.
 */
export function describeStoreSuite<S>(
  title: string,
  makeStore: StoreFactory<S>,
  options: StoreSuiteOptions<S>,
  tests: (context: SuiteContext<S>) => void,
): void {
  const suiteOptions = options.timeout === undefined ? {} : { timeout: options.timeout };
  describe(title, suiteOptions, () => {
    tests({ store: useStore(makeStore, options), newId: uniqueIds(options.idPrefix ?? 'conformance') });
  });
}

/**
 * Registers the hooks that make and release the store, and returns a getter for the current one.
 * Call inside a `describe` block.
 */
export function useStore<S>(makeStore: StoreFactory<S>, options: StoreSuiteOptions<S>): () => S {
  let current: S | undefined;
  const setup = async () => {
    current = await makeStore();
  };
  const release = async () => {
    const store = current;
    current = undefined;
    if (store !== undefined) await (options.teardown ?? closeIfClosable)(store);
  };
  if (options.storeScope === 'suite') {
    beforeAll(setup, options.timeout);
    afterAll(release, options.timeout);
  } else {
    beforeEach(setup, options.timeout);
    afterEach(release, options.timeout);
  }
  return () => {
    if (current === undefined) throw new Error('the store factory has not produced a store for this test');
    return current;
  };
}

async function closeIfClosable(store: unknown): Promise<void> {
  const close = (store as { close?: unknown } | null)?.close;
  if (typeof close === 'function') await close.call(store);
}
