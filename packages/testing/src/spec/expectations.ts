import { type ComparedEvent, compared, eventLine } from '../report/describe-events.js';
import { eventsDiff, eventsList } from '../report/events-diff.js';
import type { Outcome } from './outcome.js';
import { SpecFailure } from './spec-failure.js';

/** A class of errors `thenThrows` looks for. */
export type ErrorClass<Err> = abstract new (...args: never[]) => Err;

export function expectEvents(outcome: Outcome, expected: readonly ComparedEvent[]): void {
  if (outcome.kind === 'threw') {
    throw new SpecFailure(
      `expected ${count(expected.length)}, but decide threw ${errorLine(outcome.error)}`,
      {
        cause: outcome.error,
      },
    );
  }
  const actual = outcome.events.map((event, index) => compared(event, expected[index]));
  const same =
    actual.length === expected.length &&
    actual.every((event, index) => eventLine(event) === lineAt(expected, index));
  if (!same) {
    throw new SpecFailure(`decide produced other events than expected:\n${eventsDiff(expected, actual)}`, {
      expected,
      actual,
    });
  }
}

export function expectNothing(outcome: Outcome): void {
  if (outcome.kind === 'threw') {
    throw new SpecFailure(`expected no events, but decide threw ${errorLine(outcome.error)}`, {
      cause: outcome.error,
    });
  }
  if (outcome.events.length > 0) {
    const actual = outcome.events.map((event) => compared(event, undefined));
    throw new SpecFailure(`expected no events, but decide produced:\n${eventsList(actual)}`, {
      expected: [],
      actual,
    });
  }
}

export function expectThrows<Err>(
  outcome: Outcome,
  errorClass: ErrorClass<Err>,
  check?: (error: Err) => unknown,
): void {
  const wanted = errorClass.name || 'the error class given';
  if (outcome.kind === 'events') {
    const produced = outcome.events.map((event) => compared(event, undefined));
    const what = produced.length === 0 ? 'it produced no events' : `it produced:\n${eventsList(produced)}`;
    throw new SpecFailure(`expected decide to throw ${wanted}, but ${what}`);
  }
  if (!(outcome.error instanceof errorClass)) {
    throw new SpecFailure(`expected decide to throw ${wanted}, but it threw ${errorLine(outcome.error)}`, {
      cause: outcome.error,
    });
  }
  if (check?.(outcome.error) === false) {
    throw new SpecFailure(`decide threw ${errorLine(outcome.error)}, which did not pass the check`, {
      cause: outcome.error,
    });
  }
}

function lineAt(events: readonly ComparedEvent[], index: number): string | undefined {
  const event = events[index];
  return event === undefined ? undefined : eventLine(event);
}

function count(n: number): string {
  return n === 1 ? '1 event' : `${n} events`;
}

function errorLine(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
