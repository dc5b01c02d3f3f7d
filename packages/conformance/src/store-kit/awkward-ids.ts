import { MAX_EVENT_ID_LENGTH } from '@aether/core';

/** The longest id the suite writes: stores must not truncate or hash ids into collisions. */
export const longIdLength = 2_000;

/**
 * Ids that a store building NATS subjects, keys, paths or headers from them could confuse:
 * subject tokens and wildcards, separators, whitespace and control characters, look-alikes of
 * escape sequences, case, Unicode normalisation, a lone surrogate, and two 2,000-character ids
 * that differ only in their last character.
 * All start with `base`, which is unique to the test, and all are distinct.
 */
export function awkwardIds(base: string): string[] {
  const long = `${base}.`.padEnd(longIdLength, 'a.*> /ü');
  const ids = [
    base,
    `${base}.b`,
    `${base}.b.c`,
    `${base}.*`,
    `${base}.>`,
    `${base}*`,
    `${base}>`,
    `${base}.`,
    `.${base}`,
    `${base} b`,
    `${base}\tb`,
    `${base}\nb`,
    `${base}\u0000b`,
    `${base}/b`,
    `${base}\\b`,
    `${base}~002Eb`,
    `${base}%2Eb`,
    `${base}_2E_b`,
    `${base}_b`,
    `${base}-Case`,
    `${base}-case`,
    `${base}-ördér-注文-😀`,
    `${base}-\u00e9`,
    `${base}-e\u0301`,
    `${base}-\ud800`,
    long,
    // Differs from `long` only in its last character: a store that truncates ids mixes them up.
    `${long.slice(0, -1)}#`,
  ];
  if (new Set(ids).size !== ids.length) throw new Error('awkward ids must be distinct');
  return ids;
}

/**
 * Event ids with the characters the contract names: `.`, `*`, `>`, inner spaces, `/`, Unicode,
 * and the longest id core allows (`MAX_EVENT_ID_LENGTH` UTF-16 code units).
 */
export function awkwardEventIds(base: string): string[] {
  return [
    `${base}.1`,
    `${base}.*`,
    `${base}.>`,
    `${base} with spaces`,
    `${base}/slash`,
    `${base}-ünï-注文-😀`,
    // Ends with `#`: an id may not end with whitespace.
    `${`${base}:`.padEnd(MAX_EVENT_ID_LENGTH - 1, 'x.*> /é')}#`,
  ];
}
