import type { ComparedEvent } from '../report/describe-events.js';

/** What running a spec's command gave: the new events, or what was thrown instead. */
export type Outcome =
  | { kind: 'events'; events: readonly ComparedEvent[] }
  | { kind: 'threw'; error: unknown };
