/**
 * A UUID in canonical lowercase text (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, what
 * `crypto.randomUUID()` makes) kept as five small integers instead of a string: five fields of the
 * event object (40 bytes) where the flat 36-character string takes 56 bytes plus the field that
 * refers to it. Its 32 hex digits go seven to a word (the last word takes four): 28 bits, a small
 * integer that V8 keeps unboxed in an object's field even with pointer compression (31 bits there).
 */
export type UuidWords = [number, number, number, number, number];

const length = 36;
const digitsPerWord = 7;
const dash = 0x2d;

function isDashPosition(position: number): boolean {
  return position === 8 || position === 13 || position === 18 || position === 23;
}

// Where each of the 32 hex digits is in the text.
const digitPositions = new Uint8Array(32);
for (let position = 0, digit = 0; position < length; position++) {
  if (!isDashPosition(position)) digitPositions[digit++] = position;
}

// The value of each lowercase hex digit by its character code, -1 for every other ASCII character.
// Lowercase only: an uppercase UUID would come back lowercase, a different id.
const hexValues = new Int8Array(128).fill(-1);
for (let value = 0; value < 16; value++) hexValues[value.toString(16).charCodeAt(0)] = value;

/**
 * Writes the words of `text` into `into` and returns true when `text` is a UUID in canonical
 * lowercase form; returns false (with `into` meaningless) for any other string, which is then
 * kept as it is. Only the form is checked, not the version or variant bits: any 32 hex digits.
 */
export function uuidWords(text: string, into: UuidWords): boolean {
  if (text.length !== length) return false;
  for (let position = 8; position <= 23; position += 5) {
    if (text.charCodeAt(position) !== dash) return false;
  }
  // Negative once any character is not a hex digit: one test at the end, not one per digit.
  let refused = 0;
  let digit = 0;
  for (let word = 0; word < 5; word++) {
    const end = word === 4 ? 32 : digit + digitsPerWord;
    let bits = 0;
    for (; digit < end; digit++) {
      const code = text.charCodeAt(digitPositions[digit] as number);
      const value = code < 128 ? (hexValues[code] as number) : -1;
      refused |= value;
      bits = (bits << 4) | (value & 0xf);
    }
    into[word] = bits;
  }
  return refused >= 0;
}

// Reused for every text the words are turned back into; `String.fromCharCode.apply` makes one
// flat string from it, where joining pieces would make a rope of many.
const codes: number[] = new Array<number>(length).fill(dash);
const hexCodes = Array.from({ length: 16 }, (_, value) => value.toString(16).charCodeAt(0));

/** The canonical text of the UUID whose words these are. */
export function uuidText(w0: number, w1: number, w2: number, w3: number, w4: number): string {
  writeDigits(w0, 0, digitsPerWord);
  writeDigits(w1, digitsPerWord, digitsPerWord);
  writeDigits(w2, 2 * digitsPerWord, digitsPerWord);
  writeDigits(w3, 3 * digitsPerWord, digitsPerWord);
  writeDigits(w4, 4 * digitsPerWord, 4);
  return String.fromCharCode.apply(null, codes);
}

// Writes the `count` digits of `bits` into `codes`, from digit `first` on (the dashes stay).
function writeDigits(bits: number, first: number, count: number): void {
  let rest = bits;
  for (let digit = first + count - 1; digit >= first; digit--) {
    codes[digitPositions[digit] as number] = hexCodes[rest & 0xf] as number;
    rest >>>= 4;
  }
}
