import type { AnyEvent } from '@aether/core';
import { boundedSubjectToken, checkEventRecord, HASHED_TOKEN_MARK } from '@aether/core/adapter';

import { PayloadEncoder } from '../wire/encode-payload.js';
import { HEADER_BYTES, LENGTH_BYTES, PAYLOAD_FORMAT } from '../wire/payload-format.js';

const encoder = new PayloadEncoder();
const isHashed = (value: string) => boundedSubjectToken(value).startsWith(HASHED_TOKEN_MARK);

/** The payload a bus sends for `event` (a copy, so later encodes never touch it). */
export function busPayload(event: AnyEvent): Uint8Array {
  const checked = checkEventRecord(event);
  return new Uint8Array(encoder.encode(checked, isHashed(checked.eventType), isHashed(checked.actorId)));
}

export interface PayloadParts {
  format?: number;
  flags?: number;
  version?: number;
  time?: number;
  /** Each field's bytes; a string is written as UTF-8. */
  fields?: (string | Uint8Array)[];
}

/** A payload assembled by hand, any part of it as wrong as a test needs. */
export function handMadePayload(parts: PayloadParts = {}): Uint8Array {
  const {
    format = PAYLOAD_FORMAT,
    flags = 0,
    version = 1,
    time = 1_700_000_000_000,
    fields = ['"e-1"', '{}'],
  } = parts;
  const bytes = fields.map((field) => (typeof field === 'string' ? new TextEncoder().encode(field) : field));
  const out = new Uint8Array(
    HEADER_BYTES + bytes.reduce((sum, field) => sum + LENGTH_BYTES + field.length, 0),
  );
  const view = new DataView(out.buffer);
  out[0] = format;
  out[1] = flags;
  view.setFloat64(2, version);
  view.setFloat64(10, time);
  let offset = HEADER_BYTES;
  for (const field of bytes) {
    view.setUint32(offset, field.length);
    out.set(field, offset + LENGTH_BYTES);
    offset += LENGTH_BYTES + field.length;
  }
  return out;
}
