import { ValidationError } from '@aether/core';
import type { EventRecord } from '@aether/core/adapter';
import {
  FLAG_ACTOR_ID,
  FLAG_EVENT_TYPE,
  FLAG_METADATA,
  HEADER_BYTES,
  LENGTH_BYTES,
  PAYLOAD_FORMAT,
  TIME_OFFSET,
  VERSION_OFFSET,
} from './payload-format.js';
import { writePlainJsonString } from './plain-json-string.js';

/** Payloads are cut from chunks of this size, one after the other, as Buffer.allocUnsafe cuts its pool. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Writes checked events as payloads of format 1 (see payload-format.ts). A payload is cut from a
 * chunk the encoder never writes to again, so it stays as it is while nats.js holds it. The JSON
 * goes straight into the chunk, with room set aside for the worst case (three bytes per UTF-16
 * unit) instead of measuring its UTF-8 length first; an event larger than a quarter chunk gets a
 * buffer of its own, of its exact size.
 */
export class PayloadEncoder {
  #chunk: Buffer = Buffer.allocUnsafe(0);
  #offset = 0;

  /** `withEventType` / `withActorId`: the value's subject token is a hash, so it travels in the payload. */
  encode(event: EventRecord, withEventType: boolean, withActorId: boolean): Uint8Array {
    // Each field is JSON on its own: JSON.stringify of an array around them costs more than the
    // separate calls, and so does JSON.parse on the receiving side.
    const data = stringify(event.data, 'data');
    const metadata = event.metadata === undefined ? undefined : stringify(event.metadata, 'metadata');
    const eventType = withEventType ? JSON.stringify(event.eventType) : undefined;
    const actorId = withActorId ? JSON.stringify(event.actorId) : undefined;
    const flags =
      (metadata === undefined ? 0 : FLAG_METADATA) |
      (eventType === undefined ? 0 : FLAG_EVENT_TYPE) |
      (actorId === undefined ? 0 : FLAG_ACTOR_ID);
    const optional = (metadata?.length ?? 0) + (eventType?.length ?? 0) + (actorId?.length ?? 0);
    // The id is written as JSON below, at most 6 bytes per UTF-16 unit (a `\uXXXX` escape).
    const worstCase =
      HEADER_BYTES + 5 * LENGTH_BYTES + 2 + event.id.length * 6 + (data.length + optional) * 3;
    let target = this.#chunk;
    let start = this.#offset;
    if (worstCase > CHUNK_BYTES / 4) {
      target = Buffer.allocUnsafe(exactSize(JSON.stringify(event.id), data, metadata, eventType, actorId));
      start = 0;
    } else if (start + worstCase > target.length) {
      target = this.#chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      start = 0;
    }
    target[start] = PAYLOAD_FORMAT;
    target[start + 1] = flags;
    target.writeDoubleBE(event.version, start + VERSION_OFFSET);
    target.writeDoubleBE(event.time, start + TIME_OFFSET);
    let end = writeId(target, start + HEADER_BYTES, event.id);
    end = writeField(target, end, data);
    if (metadata !== undefined) end = writeField(target, end, metadata);
    if (eventType !== undefined) end = writeField(target, end, eventType);
    if (actorId !== undefined) end = writeField(target, end, actorId);
    if (target !== this.#chunk) return target;
    this.#offset = end;
    return target.subarray(start, end);
  }
}

function exactSize(...fields: (string | undefined)[]): number {
  let size = HEADER_BYTES;
  for (const field of fields) if (field !== undefined) size += LENGTH_BYTES + Buffer.byteLength(field);
  return size;
}

/** Writes the id field: byte by byte when it is plain ASCII, as JSON otherwise. */
function writeId(target: Buffer, offset: number, id: string): number {
  const bytes = writePlainJsonString(target, offset + LENGTH_BYTES, id);
  if (bytes === -1) return writeField(target, offset, JSON.stringify(id));
  target.writeUInt32BE(bytes, offset);
  return offset + LENGTH_BYTES + bytes;
}

/** Writes the UTF-8 of `text` after its length at `offset`; returns where it ends. */
function writeField(target: Buffer, offset: number, text: string): number {
  const bytes = target.write(text, offset + LENGTH_BYTES);
  target.writeUInt32BE(bytes, offset);
  return offset + LENGTH_BYTES + bytes;
}

// `data` and `metadata` were checked before; only a getter that answers differently now can make
// this throw (a BigInt, a cycle).
function stringify(value: object, field: 'data' | 'metadata'): string {
  try {
    return JSON.stringify(value);
  } catch (cause) {
    throw new ValidationError(field, `cannot be written as JSON: ${(cause as Error).message}`, { cause });
  }
}
