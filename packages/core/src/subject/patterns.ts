import { ValidationError } from '../errors/validation-error.js';

// What a NATS subject token may never contain (\p{Cc}: C0 and C1 control characters, DEL);
// `*` and `>` are wildcards in patterns only.
const forbiddenInToken = /[\s.*>\p{Cc}]/u;

/** A namespace is one or more `.`-separated tokens, with no wildcard, empty token or whitespace. */
export function validateNamespace(namespace: unknown): string {
  if (typeof namespace !== 'string' || namespace.length === 0) {
    throw new ValidationError('namespace', 'must be a non-empty string');
  }
  for (const token of namespace.split('.')) {
    if (token.length === 0)
      throw new ValidationError('namespace', `${JSON.stringify(namespace)} has an empty token`);
    if (forbiddenInToken.test(token)) {
      throw new ValidationError(
        'namespace',
        `${JSON.stringify(namespace)} may not contain wildcards, whitespace or control characters`,
      );
    }
  }
  return namespace;
}

/**
 * A NATS-style pattern: `.`-separated tokens, each literal, `*` (exactly one token) or `>`
 * (one or more tokens, last only). Returns its tokens.
 */
export function parsePattern(pattern: unknown, field = 'pattern'): readonly string[] {
  if (typeof pattern !== 'string' || pattern.length === 0)
    throw new ValidationError(field, 'must be a non-empty string');
  const tokens = pattern.split('.');
  tokens.forEach((token, index) => {
    if (token === '*') return;
    if (token === '>') {
      if (index !== tokens.length - 1)
        throw new ValidationError(field, `${JSON.stringify(pattern)}: ">" must be the last token`);
      return;
    }
    if (token.length === 0) throw new ValidationError(field, `${JSON.stringify(pattern)} has an empty token`);
    if (forbiddenInToken.test(token)) {
      throw new ValidationError(
        field,
        `${JSON.stringify(pattern)}: wildcards must be whole tokens; no whitespace or control characters`,
      );
    }
  });
  return tokens;
}

/** True when the `.`-separated `subject` matches the pattern's tokens. */
export function matchesPattern(patternTokens: readonly string[], subject: string): boolean {
  const tokens = subject.split('.');
  for (let index = 0; index < patternTokens.length; index++) {
    const expected = patternTokens[index];
    if (expected === '>') return tokens.length > index;
    if (index >= tokens.length) return false;
    if (expected !== '*' && expected !== tokens[index]) return false;
  }
  return tokens.length === patternTokens.length;
}

/** Compiles a pattern once into a fast matcher. */
export function compilePattern(pattern: string, field = 'pattern'): (subject: string) => boolean {
  const tokens = parsePattern(pattern, field);
  if (tokens.length === 1 && tokens[0] === '>') return () => true;
  return (subject) => matchesPattern(tokens, subject);
}
