/**
 * Brands survive duplicated package copies: `Symbol.for` returns the same symbol in every copy
 * of `@aether/core`, where `instanceof` would fail across copies.
 */
export function brandOf(name: string): symbol {
  return Symbol.for(`@aether/core.${name}`);
}

export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
