import { createHash } from 'node:crypto';
import { decodeSubjectToken, encodeSubjectToken, ValidationError } from '@aether/core';

/**
 * The longest token an event type or actor id is written as. NATS drops a connection that sends a
 * protocol line over 4096 bytes (`max_control_line`); two tokens of 1024 plus a namespace and a
 * prefix (each bounded too) keep every `HPUB` and `SUB` line well inside. Same bound as the
 * JetStream store.
 */
export const MAX_TOKEN_LENGTH = 1024;
/** Starts the token of a value too long to encode: `~` is never followed by `H` in an encoded token. */
export const HASHED_TOKEN_MARK = '~H';

// Strings made only of these characters are their own encoding (see encodeSubjectToken).
const plain = /^[A-Za-z0-9_-]+$/;

/**
 * A non-empty string (an event type, an actor id) as one NATS subject token: `encodeSubjectToken`
 * from `@aether/core`, the injective encoding the JetStream store uses too, or, when that is longer
 * than `MAX_TOKEN_LENGTH`, `~H` + the SHA-256 of the string's UTF-16 code units, as the JetStream
 * store does. The token only routes: receivers check the event's own fields, so even a hash
 * collision cannot deliver an event to a subscriber that did not ask for it.
 */
export function subjectToken(value: string): string {
  if (value.length <= MAX_TOKEN_LENGTH && plain.test(value)) return value;
  const token = encodeSubjectToken(value);
  if (token.length <= MAX_TOKEN_LENGTH) return token;
  return (
    HASHED_TOKEN_MARK + createHash('sha256').update(Buffer.from(value, 'utf16le')).digest('hex').toUpperCase()
  );
}

/**
 * `subjectToken` with a bounded memo, for values that repeat (event types): at most `capacity`
 * entries, emptied when full.
 */
export class TokenCache {
  readonly #tokens = new Map<string, string>();
  readonly #capacity: number;

  constructor(capacity = 1024) {
    this.#capacity = capacity;
  }

  get(value: string): string {
    let token = this.#tokens.get(value);
    if (token === undefined) {
      token = subjectToken(value);
      if (this.#tokens.size >= this.#capacity) this.#tokens.clear();
      this.#tokens.set(value, token);
    }
    return token;
  }
}

/**
 * The value a token of `subjectToken` stands for, or `undefined` for a hashed token (`~H…`), which
 * cannot be reversed: the value then travels in the payload. Throws `ValidationError` for a token
 * `subjectToken` never writes (one too long, or not in `decodeSubjectToken`'s canonical form), so
 * a value has exactly one token.
 */
export function valueOfToken(token: string): string | undefined {
  if (token.startsWith(HASHED_TOKEN_MARK)) return undefined;
  if (token.length > MAX_TOKEN_LENGTH) {
    throw new ValidationError(
      'subject token',
      `is ${token.length} characters long; the bus hashes tokens over ${MAX_TOKEN_LENGTH}`,
    );
  }
  return plain.test(token) ? token : decodeSubjectToken(token);
}

/**
 * `valueOfToken` with a bounded memo, for tokens that repeat (event types): at most `capacity`
 * entries, emptied when full. Tokens it throws for are not remembered.
 */
export class TokenValueCache {
  readonly #values = new Map<string, string | undefined>();
  readonly #capacity: number;

  constructor(capacity = 1024) {
    this.#capacity = capacity;
  }

  get(token: string): string | undefined {
    let value = this.#values.get(token);
    if (value !== undefined || this.#values.has(token)) return value;
    value = valueOfToken(token);
    if (this.#values.size >= this.#capacity) this.#values.clear();
    this.#values.set(token, value);
    return value;
  }
}
