import { causeChain } from './cause-chain.js';

/**
 * The shape every error of every Aether package has: an `Error` subclass with a stable `code` to
 * branch on, `retryable` (true when the same call, made again unchanged, may succeed), a message
 * that says what to do, and `cause` when it wraps another error.
 */
export interface AetherError extends Error {
  readonly code: string;
  readonly retryable: boolean;
}

// On every Aether error, whatever its kind: `isRetryable` looks for it.
const aetherBrand = Symbol.for('@aether/error');

/**
 * One kind of Aether error (one class, with its codes), recognised across duplicated package
 * copies: `Symbol.for` gives every copy the same brand, where `instanceof` fails across copies.
 */
export interface ErrorKind<E extends AetherError> {
  /** Brands a new error as this kind: call it in the class's constructor. */
  mark(error: E): void;
  /**
   * The first error of this kind in `err`'s cause chain (`err` itself first), optionally only one
   * with one of `codes`; `undefined` when there is none.
   */
  find(err: unknown, ...codes: E['code'][]): E | undefined;
  /** True when `find` finds one. */
  is(err: unknown, ...codes: E['code'][]): boolean;
}

/**
 * Defines an error kind under a name unique across packages, `@aether/<package>.<Class>`.
 * `alsoMatches` recognises errors of the kind that were not made by any copy of the class (say, a
 * third-party store's version conflict with the same code and fields).
 */
export function errorKind<E extends AetherError>(
  name: string,
  alsoMatches?: (value: object) => boolean,
): ErrorKind<E> {
  const brand = Symbol.for(name);
  const matches = (value: object): value is E =>
    (value as Record<symbol, unknown>)[brand] === true || alsoMatches?.(value) === true;
  const find = (err: unknown, ...codes: E['code'][]): E | undefined => {
    for (const error of causeChain(err)) {
      if (matches(error) && (codes.length === 0 || codes.includes(error.code))) return error;
    }
    return undefined;
  };
  return {
    mark(error) {
      Object.defineProperty(error, brand, { value: true });
      Object.defineProperty(error, aetherBrand, { value: true });
    },
    find,
    is: (err, ...codes) => find(err, ...codes) !== undefined,
  };
}

/**
 * True when retrying the failed call may succeed: the outermost Aether error in `err`'s cause
 * chain is `retryable` (a wrapper that is not an Aether error is looked through; an Aether error
 * that wraps a retryable one decides for itself). False for anything else.
 */
export function isRetryable(err: unknown): boolean {
  for (const error of causeChain(err)) {
    if ((error as Record<symbol, unknown>)[aetherBrand] === true)
      return (error as AetherError).retryable === true;
  }
  return false;
}
