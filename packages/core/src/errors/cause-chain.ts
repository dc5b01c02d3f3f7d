/** How deep `causeChain` follows `cause`: far beyond any real chain, and a cycle cannot loop for ever. */
const maxCauseDepth = 32;

/**
 * `err` and every error it was caused by, outermost first: `err`, `err.cause`, `err.cause.cause`...
 * Stops at the first value that is not an object, and after 32 steps.
 */
export function* causeChain(err: unknown): Generator<object> {
  let current = err;
  for (let depth = 0; depth < maxCauseDepth && typeof current === 'object' && current !== null; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}
