import { eventJson } from '../codec/event-json.js';
import { utf8Length } from '../codec/utf8.js';
import { findValidationError, ValidationError } from '../errors/validation-error.js';
import { MAX_EVENT_BYTES } from './event-size.js';
import { kindOf } from './freeze-json.js';
import {
  type EventRecord,
  eventFromRecord,
  lastRecordEncodedBound,
  validateEventRecord,
} from './validate-event.js';

/**
 * Checks the events of one `saveEvents` call and returns their records: a non-empty array of
 * valid events (`validateEventRecord` on each; a `ValidationError` names `events[<index>].<field>`)
 * of one actor, at consecutive versions, whose JSON together (as an array: one message on
 * JetStream) is no larger than `MAX_EVENT_BYTES`. Only the first version is left for the store to
 * check against the actor's latest.
 */
export function validateBatch(events: unknown): EventRecord[] {
  if (!Array.isArray(events) || events.length === 0) {
    const got = Array.isArray(events) ? 'an empty array' : kindOf(events);
    throw new ValidationError('events', `must be a non-empty array of events of one actor, got ${got}`);
  }
  const records: EventRecord[] = [];
  // The array's brackets, and a comma after each event (one too many: a bound).
  let bound = 2;
  for (let index = 0; index < events.length; index++) {
    const record = validateAt(events[index], index);
    bound += lastRecordEncodedBound() + 1;
    const first = records[0];
    if (first !== undefined) checkFollows(record, first, index);
    records.push(record);
  }
  if (records.length > 1 && bound > MAX_EVENT_BYTES) requireBatchSize(records);
  return records;
}

function validateAt(event: unknown, index: number): EventRecord {
  try {
    return validateEventRecord(event);
  } catch (error) {
    const invalid = findValidationError(error);
    if (invalid === undefined) throw error;
    throw new ValidationError(`events[${index}].${invalid.field}`, invalid.problem, { cause: invalid });
  }
}

function checkFollows(record: EventRecord, first: EventRecord, index: number): void {
  if (record.actorId !== first.actorId) {
    throw new ValidationError(
      `events[${index}].actorId`,
      `is ${JSON.stringify(record.actorId)}, but the batch is for actor ${JSON.stringify(first.actorId)}: ` +
        'the events saved together belong to one actor; save each actor on its own',
    );
  }
  const expected = first.version + index;
  if (record.version !== expected) {
    throw new ValidationError(
      `events[${index}].version`,
      `must be ${expected}: the events saved together have consecutive versions (${first.version}, ${first.version + 1}, ...), got ${record.version}`,
    );
  }
}

function requireBatchSize(records: readonly EventRecord[]): void {
  let bytes = records.length + 1; // brackets and commas
  for (const record of records) bytes += utf8Length(eventJson(eventFromRecord(record)));
  if (bytes > MAX_EVENT_BYTES) {
    throw new ValidationError(
      'events',
      `encode to ${bytes} bytes of JSON together, more than the ${MAX_EVENT_BYTES} a batch may have (MAX_EVENT_BYTES: ` +
        'events saved together travel as one message); save them in smaller batches',
    );
  }
}
