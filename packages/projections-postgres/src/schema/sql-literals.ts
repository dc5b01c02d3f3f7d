import { ValidationError } from '@aether/core';
import type { ClientBase } from 'pg';

// Several statements in one round trip travel by PostgreSQL's simple query protocol, which takes no
// parameters: their values are written into the text, text through pg's own escaping, integers
// checked so that nothing but digits can get in.

/** `value` as a quoted SQL string literal. */
export function textLiteral(client: ClientBase, value: string): string {
  return client.escapeLiteral(value);
}

/** `value`, a position or a fencing token, as an SQL integer literal. */
export function integerLiteral(field: string, value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new ValidationError(field, `must be a whole number, got ${String(value)}`);
  }
  return String(value);
}
