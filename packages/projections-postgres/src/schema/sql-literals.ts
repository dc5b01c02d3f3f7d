import { ValidationError } from '@aether/core';

// Several statements in one round trip travel by PostgreSQL's simple query protocol, which takes no
// parameters: their values are written into the text, text escaped by PostgreSQL's rules, integers
// checked so that nothing but digits can get in.

/**
 * `value` as a quoted SQL string literal: quotes doubled, and when it holds a backslash, an `E''`
 * string with the backslashes doubled, so it reads the same whatever `standard_conforming_strings`
 * says (what pg's `escapeLiteral` does; pg's native client has no such method).
 */
export function textLiteral(value: string): string {
  const quoted = value.replaceAll("'", "''");
  return value.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

/** `value`, a position or a fencing token, as an SQL integer literal. */
export function integerLiteral(field: string, value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new ValidationError(field, `must be a whole number, got ${String(value)}`);
  }
  return String(value);
}
