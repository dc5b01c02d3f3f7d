import { boundedSubjectToken, valueOfBoundedToken } from '@aether/core/adapter';

/**
 * `boundedSubjectToken` with a bounded memo, for values that repeat (event types): at most `capacity`
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
      token = boundedSubjectToken(value);
      if (this.#tokens.size >= this.#capacity) this.#tokens.clear();
      this.#tokens.set(value, token);
    }
    return token;
  }
}

/**
 * `valueOfBoundedToken` with a bounded memo, for tokens that repeat (event types): at most `capacity`
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
    value = valueOfBoundedToken(token);
    if (this.#values.size >= this.#capacity) this.#values.clear();
    this.#values.set(token, value);
    return value;
  }
}
