/**
 * Brands survive duplicated package copies: `Symbol.for` gives every copy of `@aether/retry` the
 * same symbol, where `instanceof` fails across copies.
 */
export const retryErrorBrand = Symbol.for('@aether/retry.error');

export function brand(error: Error): void {
  Object.defineProperty(error, retryErrorBrand, { value: true });
}

/** A one-line description of any thrown value, short enough for another error's message. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.replaceAll('\n', ' ');
  return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}
