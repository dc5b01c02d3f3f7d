/** What every group of contract tests gets from the suite that runs it. */
export interface SuiteContext<S> {
  /** The store under test (a fresh one per test unless `storeScope` is `'suite'`). */
  store: () => S;
  /** A new actor or event id, never used before, starting with the suite's prefix and `label`. */
  newId: (label: string) => string;
}
