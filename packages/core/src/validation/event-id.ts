import { ValidationError } from '../errors/validation-error.js';
import { requireText } from './require-text.js';

/**
 * The longest event id, in UTF-16 code units (`id.length`). The JetStream store sends the id as
 * the `Nats-Msg-Id` header, and NATS refuses a message whose headers pass 64 KB: this limit keeps
 * the header small (at most about 3 KB of UTF-8) whatever the id holds.
 */
export const MAX_EVENT_ID_LENGTH = 1024;

// C0 controls and DEL. CR and LF end a NATS header line; the others have no business in an id.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f]/;

/**
 * An event id, or `ValidationError` naming `field`: a string of 1 to `MAX_EVENT_ID_LENGTH` UTF-16
 * code units, well-formed (no lone surrogate), without control characters (U+0000–U+001F,
 * U+007F) and without whitespace at either end. Every store and bus applies these rules, so an id
 * one accepts is an id every other accepts, and two different ids stay two ids everywhere: NATS
 * trims header values and UTF-8 turns every lone surrogate into U+FFFD, either of which would make
 * two ids one for the JetStream store's deduplication.
 */
export function requireEventId(value: unknown, field = 'id'): string {
  const id = requireText(value, field);
  // Ids built by concatenation (crypto.randomUUID() among them) are rope strings. Reading a
  // character flattens one cheaply; the regular expression below would flatten it too, measurably
  // more slowly. A store keeps the flat id anyway (see keepText in validate-event.ts).
  id.charCodeAt(0);
  // One condition on every append; which rule an id breaks is worked out only for a refused one.
  if (
    id.length > MAX_EVENT_ID_LENGTH ||
    !(id as WellFormedCheck).isWellFormed() ||
    controlCharacter.test(id) ||
    // trim() removes what `\s` matches, and hands back the string itself when there is none.
    id.trim() !== id
  ) {
    refuseEventId(id, field);
  }
  return id;
}

/** Throws the `ValidationError` that names the first rule a refused id breaks. */
function refuseEventId(id: string, field: string): never {
  if (id.length > MAX_EVENT_ID_LENGTH) {
    throw new ValidationError(
      field,
      `is ${id.length} UTF-16 code units long, more than the ${MAX_EVENT_ID_LENGTH} an event id may have (MAX_EVENT_ID_LENGTH); use a shorter id, such as a UUID`,
    );
  }
  const loneSurrogate = loneSurrogateIndex(id);
  if (loneSurrogate !== -1) {
    throw new ValidationError(
      field,
      `holds a lone surrogate (${codePoint(id.charAt(loneSurrogate))} at index ${loneSurrogate}), which UTF-8 cannot encode: every lone surrogate would travel as U+FFFD, making different ids one; use well-formed text`,
    );
  }
  const control = id.search(controlCharacter);
  if (control !== -1) {
    throw new ValidationError(
      field,
      `holds the control character ${codePoint(id.charAt(control))} at index ${control}; an event id may not hold U+0000–U+001F or U+007F (CR and LF cannot travel in a NATS header), so remove it`,
    );
  }
  throw new ValidationError(
    field,
    `${JSON.stringify(shorten(id))} starts or ends with whitespace, which NATS trims from header values, so it would be the same id as its trimmed form; trim it`,
  );
}

// `String.prototype.isWellFormed` is in Node.js 20; TypeScript types it from lib ES2024 on.
type WellFormedCheck = string & { isWellFormed(): boolean };

function loneSurrogateIndex(text: string): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
      else return index;
    } else if (code >= 0xdc00 && code <= 0xdfff) return index;
  }
  return -1;
}

function codePoint(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
