import { expect } from 'vitest';
import { expectValidationError } from '../store-kit/outcomes.js';

/** The promise `publish` returns; fails the test when it throws instead (the contract is promise-based). */
export function returnedPromise(publish: () => Promise<void>): Promise<void> {
  let result: Promise<void> | undefined;
  expect(() => {
    result = publish();
  }, 'publish must return a rejected promise, not throw').not.toThrow();
  return result as Promise<void>;
}

export async function expectRejectedWithValidationError(publish: () => Promise<void>): Promise<void> {
  const error = await returnedPromise(publish).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error, 'publish should have been rejected').toBeDefined();
  expectValidationError(error);
}

export function expectThrownValidationError(subscribe: () => unknown): void {
  let error: unknown;
  try {
    subscribe();
  } catch (thrown) {
    error = thrown;
  }
  expect(error, 'subscribe should have thrown').toBeDefined();
  expectValidationError(error);
}
