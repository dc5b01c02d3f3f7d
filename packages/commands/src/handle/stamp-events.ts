import { type AnyEvent, ValidationError } from '@aether/core';
import type { ResolvedHandleOptions } from './options.js';

/**
 * Turns what `decide` returned into events ready to save: the first gets the version after
 * `version`. Checks the outline of each entry here, so that a wrong decision is named as such; the
 * store checks the rest (JSON data, sizes) before writing anything.
 */
export function stampEvents(
  decision: unknown,
  actorId: string,
  version: number,
  options: ResolvedHandleOptions,
): AnyEvent[] {
  if (!Array.isArray(decision)) {
    throw new ValidationError(
      'decision',
      `decide must return an array of { eventType, data } (empty for no change), got ${describe(decision)}`,
    );
  }
  const events: AnyEvent[] = [];
  if (decision.length === 0) return events;
  // One timestamp for the whole decision: its events happened together.
  const time = options.clock.now();
  for (let index = 0; index < decision.length; index++) {
    events.push(stampOne(decision[index], index, actorId, version + index + 1, time, options));
  }
  return events;
}

function stampOne(
  entry: unknown,
  index: number,
  actorId: string,
  version: number,
  time: number,
  options: ResolvedHandleOptions,
): AnyEvent {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new ValidationError(
      `decision[${index}]`,
      `decide must return { eventType, data } objects, got ${describe(entry)}`,
    );
  }
  const { eventType, data, metadata } = entry as Record<string, unknown>;
  if (typeof eventType !== 'string' || eventType === '') {
    throw new ValidationError(
      `decision[${index}].eventType`,
      `must be a non-empty string, got ${describe(eventType)}`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ValidationError(`decision[${index}].data`, `must be a JSON object, got ${describe(data)}`);
  }
  if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null)) {
    throw new ValidationError(
      `decision[${index}].metadata`,
      `must be an object of strings, got ${describe(metadata)}`,
    );
  }
  return {
    id: options.newId(),
    eventType,
    actorId,
    version,
    data,
    timestamp: new Date(time),
    metadata: metadataOf(options, metadata as Record<string, string> | undefined),
  };
}

/** The `metadata` option, then the command's correlation and causation ids, then the event's own. */
function metadataOf(
  options: ResolvedHandleOptions,
  own: Record<string, string> | undefined,
): Record<string, string> {
  const { correlationId, causationId } = options;
  // The common case, without spreading empty objects.
  if (options.metadata === undefined && own === undefined) return { correlationId, causationId };
  return { ...options.metadata, correlationId, causationId, ...own };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
