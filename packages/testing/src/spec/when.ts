import type { Decision } from '@aether/commands';
import type { AnyEvent } from '@aether/core';
import type { SpecWhen } from './decider-spec.js';
import { type ErrorClass, expectEvents, expectNothing, expectThrows } from './expectations.js';
import type { Outcome } from './outcome.js';
import { SpecFailure } from './spec-failure.js';

/** The checks of one command; each runs the command anew. */
export class When<E extends AnyEvent> implements SpecWhen<E> {
  readonly #run: () => Promise<Outcome>;

  constructor(run: () => Promise<Outcome>) {
    this.#run = run;
  }

  // biome-ignore lint/suspicious/noThenProperty: `then` is the DSL's word (given/when/then, as in Emmett); awaiting a When by mistake is caught below
  async then(expected: Decision<E>, ...awaited: unknown[]): Promise<void> {
    if (!Array.isArray(expected)) {
      const failure = new SpecFailure(
        'then() takes the expected events as an array: await then([...]), thenNothing() or thenThrows(), not when() itself',
      );
      // `await spec.when(command)` calls then(resolve, reject) and waits for one of them: reject.
      const reject = awaited[0];
      if (typeof reject !== 'function') throw failure;
      reject(failure);
      return;
    }
    expectEvents(await this.#run(), expected);
  }

  async thenNothing(): Promise<void> {
    expectNothing(await this.#run());
  }

  async thenThrows<Err>(errorClass: ErrorClass<Err>, check?: (error: Err) => unknown): Promise<void> {
    expectThrows(await this.#run(), errorClass, check);
  }
}
