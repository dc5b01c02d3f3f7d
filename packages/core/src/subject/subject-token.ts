import { ValidationError } from '../errors/validation-error.js';

// Characters kept as they are; everything else, `~` included, becomes `~` + 4 hex digits of its
// UTF-16 code unit. Escaping per code unit keeps lone surrogates distinct (TextEncoder would turn
// them all into U+FFFD), so the encoding is injective for every JavaScript string.
const safe = /^[A-Za-z0-9_-]$/;
const escapeMark = '~';

/**
 * Encodes any non-empty string (an actor id) as one NATS subject token: no `.`, `*`, `>`,
 * whitespace or control characters can reach the subject, and distinct ids always give distinct
 * tokens. `decodeSubjectToken` reverses it exactly.
 */
export function encodeSubjectToken(value: string): string {
  if (value.length === 0) throw new ValidationError('actorId', 'must not be empty');
  let out = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    out += safe.test(char)
      ? char
      : escapeMark + value.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/**
 * Reverses `encodeSubjectToken`. Accepts only tokens it writes (escapes in upper-case hex, never
 * for a character that needs none), so each actor id has exactly one token.
 */
export function decodeSubjectToken(token: string): string {
  let out = '';
  for (let index = 0; index < token.length; index++) {
    const char = token[index] as string;
    if (char === escapeMark) {
      const hex = token.slice(index + 1, index + 5);
      if (!/^[0-9A-F]{4}$/.test(hex))
        throw new ValidationError('subject token', `bad escape at ${index} in ${JSON.stringify(token)}`);
      const decoded = String.fromCharCode(Number.parseInt(hex, 16));
      // Only the escapes encodeSubjectToken writes: `~0041` must not be a second name for `A`.
      if (safe.test(decoded)) {
        throw new ValidationError(
          'subject token',
          `non-canonical escape at ${index} in ${JSON.stringify(token)}`,
        );
      }
      out += decoded;
      index += 4;
    } else if (safe.test(char)) {
      out += char;
    } else {
      throw new ValidationError(
        'subject token',
        `unexpected ${JSON.stringify(char)} in ${JSON.stringify(token)}`,
      );
    }
  }
  if (out.length === 0) throw new ValidationError('subject token', 'must not be empty');
  return out;
}
