/**
 * Upper bounds of the bytes JSON.stringify's text takes in UTF-8, counted while validation walks
 * an event, so that a store learns an event is surely small enough without encoding it.
 */

/**
 * Per UTF-16 code unit of a string or key: the longest form is a `\uXXXX` escape (a control
 * character, a lone surrogate), 6 bytes; any other unit takes at most 3 bytes of UTF-8 (and a
 * surrogate pair 4 for its two units), `"` and `\` 2.
 */
export const BYTES_PER_CODE_UNIT = 6;

/** A string value: its units and two quotes. */
export function stringBound(text: string): number {
  return BYTES_PER_CODE_UNIT * text.length + 2;
}

/** An object key: the key as a string, its colon and the comma after the property. */
export function keyBound(key: string): number {
  return BYTES_PER_CODE_UNIT * key.length + 4;
}

/** The longest text JSON writes for a finite number: `-0.0000012345678901234567` has 25 characters. */
export const NUMBER_BOUND = 25;

/** `true`, `false` or `null`. */
export const LITERAL_BOUND = 5;

/** Braces or brackets. */
export const CONTAINER_BOUND = 2;

/** An array element's comma. */
export const ELEMENT_BOUND = 1;

/**
 * An object's braces and its entries whose values are strings, numbers or literals, from the
 * code units of their keys and string values together and their count: each entry as `keyBound`
 * plus `stringBound` or `NUMBER_BOUND`, whichever is larger. (Entries holding an object or array
 * count here for their key; the value counts itself.)
 */
export function objectBound(units: number, entries: number): number {
  return CONTAINER_BOUND + BYTES_PER_CODE_UNIT * units + entries * (4 + NUMBER_BOUND);
}
