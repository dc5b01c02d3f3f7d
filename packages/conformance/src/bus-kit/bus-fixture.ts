import type { EventBus } from '@aether/core';
import { afterEach, beforeEach } from 'vitest';
import { uniqueIds } from '../store-kit/unique-ids.js';
import type { EventBusFactory, EventBusSuiteOptions } from './bus-suite-options.js';
import { type EventSequence, eventSequence } from './event-sequence.js';

/** What every group of bus contract tests gets from `describeEventBus`. */
export interface BusFixture {
  /** A new open bus of the current test's scope; closed after the test. */
  newBus(): Promise<EventBus>;
  /** Events numbered from 1 in each test, with ids that start with its scope. */
  readonly events: EventSequence;
  /** The suite's `settle` hook; resolves at once when the bus has none. */
  settle(publisher: EventBus, subscriber: EventBus): Promise<void>;
  /** How long a single wait may take, in milliseconds. */
  readonly timeoutMs: number;
  /** How long a test or a hook may take, in milliseconds. */
  readonly testTimeout: number;
}

export interface BusFixtureOptions {
  makeBus: EventBusFactory;
  settle: EventBusSuiteOptions['settle'];
  timeoutMs: number;
  testTimeout: number;
}

/**
 * Registers the hooks that give each test a fresh scope and close every bus it made, and returns
 * the fixture. Call inside a `describe` block.
 */
export function useBusFixture({ makeBus, settle, timeoutMs, testTimeout }: BusFixtureOptions): BusFixture {
  const newScope = uniqueIds('conformance');
  const events = eventSequence();
  let scope = '';
  let made: EventBus[] = [];

  beforeEach(() => {
    scope = newScope('bus');
    events.restart(scope);
  });

  afterEach(async () => {
    const buses = made;
    made = [];
    await Promise.all(buses.map((bus) => bus.close()));
  }, testTimeout);

  return {
    async newBus() {
      const bus = await makeBus({ scope });
      made.push(bus);
      return bus;
    },
    events,
    settle: (publisher, subscriber) => settle?.(publisher, subscriber) ?? Promise.resolve(),
    timeoutMs,
    testTimeout,
  };
}
