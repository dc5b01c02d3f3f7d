import { ValidationError } from '@aether/core';
import { freezeJsonObject, requireEventId, requireMetadata, requireText } from '@aether/core/adapter';
import {
  FLAG_ACTOR_ID,
  FLAG_EVENT_TYPE,
  FLAG_METADATA,
  HEADER_BYTES,
  KNOWN_FLAGS,
  LENGTH_BYTES,
  MAX_TIME_MS,
  PAYLOAD_FORMAT,
  TIME_OFFSET,
  VERSION_OFFSET,
} from './payload-format.js';
import { readPlainJsonString } from './plain-json-string.js';

/** What a payload holds, checked, with `data` and `metadata` deeply frozen. */
export interface DecodedPayload {
  readonly id: string;
  readonly version: number;
  readonly time: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, string>> | undefined;
  /** Present when the payload carries it (its subject token is a hash). */
  readonly eventType: string | undefined;
  readonly actorId: string | undefined;
}

/**
 * Reads a payload of format 1 (see payload-format.ts), trusting nothing in it: throws
 * `ValidationError` for a short or unknown payload, unknown flags, a version or timestamp out of
 * range, fields that overrun the payload or do not fill it, bytes that are not UTF-8, text that is
 * not JSON, and values that `validateEvent` would refuse. Freezes the parsed `data` and
 * `metadata` in place.
 */
export function decodePayload(bytes: Uint8Array): DecodedPayload {
  const reader = new FieldReader(bytes);
  const flags = reader.header();
  const version = reader.float64(VERSION_OFFSET);
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new ValidationError('version', `must be a safe integer >= 1, got ${version}`);
  }
  const time = reader.float64(TIME_OFFSET);
  if (!Number.isInteger(time) || Math.abs(time) > MAX_TIME_MS) {
    throw new ValidationError('timestamp', `must be whole milliseconds within a Date's range, got ${time}`);
  }
  const id = requireEventId(reader.string('id'));
  const data = reader.json('data');
  freezeJsonObject(data, 'data', 'adopt');
  let metadata: unknown;
  if ((flags & FLAG_METADATA) !== 0) {
    metadata = reader.json('metadata');
    requireMetadata(metadata, 'adopt');
  }
  const eventType =
    (flags & FLAG_EVENT_TYPE) !== 0 ? requireText(reader.string('eventType'), 'eventType') : undefined;
  const actorId =
    (flags & FLAG_ACTOR_ID) !== 0 ? requireText(reader.string('actorId'), 'actorId') : undefined;
  reader.end();
  return {
    id,
    version,
    time,
    data: data as Readonly<Record<string, unknown>>,
    metadata: metadata as Readonly<Record<string, string>> | undefined,
    eventType,
    actorId,
  };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// Float64 fields are copied into this scratch view and read from there: no DataView per message.
const scratch = new DataView(new ArrayBuffer(8));

/** Reads the header and the length-prefixed JSON fields of one payload, in order. */
class FieldReader {
  readonly #bytes: Buffer;
  #offset = HEADER_BYTES;

  constructor(bytes: Uint8Array) {
    // nats.js hands over Buffers; anything else is viewed as one (no copy) for its UTF-8 slicing.
    this.#bytes = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /** Checks the size, format byte and flags; returns the flags. */
  header(): number {
    const bytes = this.#bytes;
    if (bytes.length < HEADER_BYTES) {
      throw malformed(`has ${bytes.length} bytes, fewer than the ${HEADER_BYTES}-byte header`);
    }
    const format = bytes[0] as number;
    if (format !== PAYLOAD_FORMAT) {
      const hint = format === 0x7b ? ' (JSON, as an older @aether/bus-nats sent?)' : '';
      throw malformed(`has format 0x${hex(format)}${hint}; this bus reads format 0x${hex(PAYLOAD_FORMAT)}`);
    }
    const flags = bytes[1] as number;
    if ((flags & ~KNOWN_FLAGS) !== 0) throw malformed(`has unknown flags 0x${hex(flags)}`);
    return flags;
  }

  float64(offset: number): number {
    for (let index = 0; index < 8; index++) scratch.setUint8(index, this.#bytes[offset + index] as number);
    return scratch.getFloat64(0);
  }

  /** The next field, parsed; one expected to hold a string is read directly when it is plain ASCII. */
  string(field: string): unknown {
    const [start, end] = this.#next(field);
    return readPlainJsonString(this.#bytes, start, end) ?? this.#parse(field, start, end);
  }

  /** The next field, parsed. */
  json(field: string): unknown {
    const [start, end] = this.#next(field);
    return this.#parse(field, start, end);
  }

  /** Where the next field's bytes start and end; moves past them. */
  #next(field: string): [number, number] {
    const bytes = this.#bytes;
    const start = this.#offset + LENGTH_BYTES;
    if (start > bytes.length) throw malformed(`ends where the length of its ${field} field should be`);
    const end = start + bytes.readUInt32BE(this.#offset);
    if (end > bytes.length) throw malformed(`is shorter than its ${field} field says`);
    this.#offset = end;
    return [start, end];
  }

  #parse(field: string, start: number, end: number): unknown {
    const bytes = this.#bytes;
    const text = bytes.toString('utf8', start, end);
    // Decoding replaces bytes that are not UTF-8 with U+FFFD: only text holding one needs the strict check.
    if (text.includes('\uFFFD')) {
      try {
        strictUtf8.decode(bytes.subarray(start, end));
      } catch (cause) {
        throw malformed(`has a ${field} field that is not UTF-8`, cause);
      }
    }
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw malformed(`has a ${field} field that is not JSON`, cause);
    }
  }

  /** Checks that the fields filled the payload exactly. */
  end(): void {
    const extra = this.#bytes.length - this.#offset;
    if (extra !== 0) throw malformed(`has ${extra} bytes after its last field`);
  }
}

function malformed(problem: string, cause?: unknown): ValidationError {
  return new ValidationError('payload', problem, cause === undefined ? undefined : { cause });
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
