import {
  decodeSubjectToken,
  HASHED_TOKEN_MARK,
  MAX_SUBJECT_TOKEN_LENGTH as MAX_ACTOR_TOKEN_LENGTH,
  validateNamespace,
} from '@aether/core/adapter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorToken, snapshotKeyFor, streamNameFor } from './subject-layout.js';

function isNamespace(text: string): boolean {
  try {
    validateNamespace(text);
    return true;
  } catch {
    return false;
  }
}

describe('streamNameFor', () => {
  it('is the store name without a namespace, and joins a namespace with "__"', () => {
    expect(streamNameFor('orders', undefined)).toBe('orders');
    expect(streamNameFor('orders', 'eu.prod')).toBe('orders__eu_-prod');
    expect(streamNameFor('my_store', 'tenant_1')).toBe('my_store__tenant_005F1');
    expect(streamNameFor('s', 'ünï')).toBe('s___00FCn_00EF');
  });

  it('never gives two (store, namespace) pairs the same stream', () => {
    // KV_ and OBJ_ names are refused (NATS reserves them): resolve-config.test.ts covers that.
    const storeName = fc
      .stringMatching(/^[A-Za-z0-9-]{1,4}(_[A-Za-z0-9-]{1,4}){0,2}$/)
      .filter((name) => !/^(KV|OBJ)_/.test(name));
    const token = fc
      .string({ minLength: 1, maxLength: 6 })
      .filter((text) => !text.includes('.') && isNamespace(text));
    const namespace = fc.option(
      fc.array(token, { minLength: 1, maxLength: 3 }).map((tokens) => tokens.join('.')),
      {
        nil: undefined,
      },
    );
    fc.assert(
      fc.property(storeName, namespace, storeName, namespace, (s1, n1, s2, n2) => {
        fc.pre(s1 !== s2 || n1 !== n2);
        expect(streamNameFor(s1, n1)).not.toBe(streamNameFor(s2, n2));
      }),
    );
  }, 60_000);
});

const anyCodeUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 100 })
  .map((codes) => String.fromCharCode(...codes));

describe('actorToken', () => {
  it('is the injective subject-token encoding of @aether/core for ordinary ids', () => {
    fc.assert(
      // Any UTF-16 code units, lone surrogates included (and much faster than fast-check's 'binary' unit).
      fc.property(anyCodeUnits, (actorId) => {
        expect(decodeSubjectToken(actorToken(actorId))).toBe(actorId);
      }),
    );
  }, 60_000);

  it('hashes ids whose encoding would not fit a subject, into a token no encoded id can equal', () => {
    const long = 'ü'.repeat(1000);
    const token = actorToken(long);
    expect(token).toMatch(/^~H[0-9A-F]{64}$/);
    expect(token.startsWith(HASHED_TOKEN_MARK)).toBe(true);
    expect(actorToken(`${long.slice(0, -1)}ä`)).not.toBe(token);
    expect(actorToken('a'.repeat(MAX_ACTOR_TOKEN_LENGTH))).toBe('a'.repeat(MAX_ACTOR_TOKEN_LENGTH));
    expect(actorToken('a'.repeat(MAX_ACTOR_TOKEN_LENGTH + 1))).toMatch(/^~H/);
    // Lone surrogates hash apart too (their UTF-16 code units are hashed, not lossy UTF-8).
    expect(actorToken('\ud800'.repeat(300))).not.toBe(actorToken('\ud801'.repeat(300)));
  });

  it('refuses an empty or non-string id', () => {
    expect(() => actorToken('')).toThrow(/actorId/);
    expect(() => actorToken(7)).toThrow(/actorId/);
  });
});

describe('snapshotKeyFor', () => {
  it('is a valid KV key and stays injective', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 50 }),
        fc.string({ minLength: 1, maxLength: 50 }),
        (a, b) => {
          const keyA = snapshotKeyFor(actorToken(a));
          expect(keyA).toMatch(/^[-/=.\w]+$/);
          if (a !== b) expect(keyA).not.toBe(snapshotKeyFor(actorToken(b)));
        },
      ),
    );
  }, 60_000);
});
