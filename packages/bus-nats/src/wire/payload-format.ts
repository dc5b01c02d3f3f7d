/**
 * The bus's payload, format 1. The subject already names the event type, the actor and the
 * namespace, so the payload carries the rest:
 *
 * | bytes | field |
 * |---|---|
 * | 0 | format: `0x01` |
 * | 1 | flags: `0x01` metadata follows, `0x02` the event type follows, `0x04` the actor id follows; other bits 0 |
 * | 2–9 | version: IEEE 754 float64, big-endian, a safe integer >= 1 |
 * | 10–17 | timestamp: epoch milliseconds, float64, big-endian, an integer in the range of a Date |
 * | 18– | fields, each a uint32 big-endian byte length and that many bytes of UTF-8 JSON: the id (a string), the data (an object), then as the flags say the metadata (an object of strings), the event type and the actor id (strings); nothing after the last |
 *
 * The event type and actor id travel in the payload only when their subject token is a hash
 * (`~H…`, for values too long to encode), as the subject cannot give them back then. Strings are
 * JSON so that any JavaScript string, lone surrogates included, travels unchanged. A payload of
 * another format byte (a JSON payload of an older bus starts with `{`, 0x7B) is malformed here.
 */
export const PAYLOAD_FORMAT = 0x01;
export const FLAG_METADATA = 0x01;
export const FLAG_EVENT_TYPE = 0x02;
export const FLAG_ACTOR_ID = 0x04;
export const KNOWN_FLAGS = FLAG_METADATA | FLAG_EVENT_TYPE | FLAG_ACTOR_ID;
export const VERSION_OFFSET = 2;
export const TIME_OFFSET = 10;
/** Bytes before the first field. */
export const HEADER_BYTES = 18;
/** Bytes of a field's length. */
export const LENGTH_BYTES = 4;
/** The largest timestamp a Date holds, either side of the epoch (ECMAScript's time range). */
export const MAX_TIME_MS = 8.64e15;
