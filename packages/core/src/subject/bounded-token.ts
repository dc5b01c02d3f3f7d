import { createHash } from 'node:crypto';
import { ValidationError } from '../errors/validation-error.js';
import { decodeSubjectToken, encodeSubjectToken } from './subject-token.js';

/**
 * The longest subject token a value (an actor id, an event type) is written as. NATS drops a
 * connection that sends a protocol line over 4,096 bytes (`max_control_line`), and the store's API
 * subjects (direct gets, consumers, snapshot keys) and the bus's `HPUB`/`SUB` lines embed one or two
 * such tokens besides a prefix: 1,024 keeps every one of them well inside.
 */
export const MAX_SUBJECT_TOKEN_LENGTH = 1024;

/** Starts the token of a value too long to encode: `~` is never followed by `H` in an encoded token. */
export const HASHED_TOKEN_MARK = '~H';

// Strings made only of these characters are their own encoding (see encodeSubjectToken).
const plain = /^[A-Za-z0-9_-]+$/;

/**
 * A non-empty string as one NATS subject token of at most `MAX_SUBJECT_TOKEN_LENGTH` characters:
 * `encodeSubjectToken(value)`, injective and reversible, or, when that is longer, `~H` + the
 * SHA-256 of the value's UTF-16 code units (lone surrogates included), which no encoded token can
 * equal. A hashed token only routes: whoever reads the subject must check the value carried in the
 * message itself, so that even a hash collision never mixes two values up.
 */
export function boundedSubjectToken(value: string): string {
  if (value.length <= MAX_SUBJECT_TOKEN_LENGTH && plain.test(value)) return value;
  const token = encodeSubjectToken(value);
  if (token.length <= MAX_SUBJECT_TOKEN_LENGTH) return token;
  return (
    HASHED_TOKEN_MARK + createHash('sha256').update(Buffer.from(value, 'utf16le')).digest('hex').toUpperCase()
  );
}

/**
 * The value a token of `boundedSubjectToken` stands for, or `undefined` for a hashed token, which
 * cannot be reversed (the value then has to travel with the message). Throws `ValidationError` for
 * a token `boundedSubjectToken` never writes (one too long, or not in `decodeSubjectToken`'s
 * canonical form), so a value has exactly one token.
 */
export function valueOfBoundedToken(token: string): string | undefined {
  if (token.startsWith(HASHED_TOKEN_MARK)) return undefined;
  if (token.length > MAX_SUBJECT_TOKEN_LENGTH) {
    throw new ValidationError(
      'subject token',
      `is ${token.length} characters long; tokens over ${MAX_SUBJECT_TOKEN_LENGTH} are hashed`,
    );
  }
  return plain.test(token) ? token : decodeSubjectToken(token);
}
