import { type AnyEvent, ValidationError } from '@aether/core';
import type { IdGenerator } from '../ids/uuid-v7.js';

export interface Envelope {
  actorId: string;
  /** The actor's version the decision was made at: the first new event gets the next one. */
  version: number;
  timestamp: number;
  newId: IdGenerator;
  metadata: Readonly<Record<string, string>>;
}

/**
 * Turns what `decide` returned into events ready to save. Checks the outline of each entry here,
 * so that a wrong decision is named as such; the store checks the rest (JSON data, sizes) before
 * writing anything.
 */
export function stampEvents(decision: unknown, envelope: Envelope): AnyEvent[] {
  if (!Array.isArray(decision)) {
    throw new ValidationError(
      'decision',
      `decide must return an array of { eventType, data } (empty for no change), got ${describe(decision)}`,
    );
  }
  return decision.map((entry: unknown, index) => stampOne(entry, index, envelope));
}

function stampOne(entry: unknown, index: number, envelope: Envelope): AnyEvent {
  const field = `decision[${index}]`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new ValidationError(
      field,
      `decide must return { eventType, data } objects, got ${describe(entry)}`,
    );
  }
  const { eventType, data, metadata } = entry as Record<string, unknown>;
  if (typeof eventType !== 'string' || eventType === '') {
    throw new ValidationError(`${field}.eventType`, `must be a non-empty string, got ${describe(eventType)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ValidationError(`${field}.data`, `must be a JSON object, got ${describe(data)}`);
  }
  if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null)) {
    throw new ValidationError(`${field}.metadata`, `must be an object of strings, got ${describe(metadata)}`);
  }
  return {
    id: envelope.newId(),
    eventType,
    actorId: envelope.actorId,
    version: envelope.version + index + 1,
    data,
    timestamp: new Date(envelope.timestamp),
    metadata: { ...envelope.metadata, ...(metadata as Record<string, string> | undefined) },
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
