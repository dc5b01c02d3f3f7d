import { type AnyEvent, findValidationError, ValidationError, validateEvent } from '@aether/core';
import type { Upcasters } from '../chain/define-upcasters.js';
import { SCHEMA_VERSION_KEY } from '../schema-version.js';

/**
 * `event` as it is to be stored: stamped with its type's current schema version when that is above
 * 1 (version 1 needs no stamp, so such events are stored exactly as given). An event that already
 * carries a different schema version is refused with a `ValidationError`: saves write current
 * shapes only. Anything malformed is left for the store to refuse, with its own errors.
 */
export function stamp(event: AnyEvent, upcasters: Upcasters): AnyEvent {
  if (typeof event !== 'object' || event === null || typeof event.eventType !== 'string') return event;
  const metadata: unknown = event.metadata;
  if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null)) return event;
  const current = String(upcasters.currentVersion(event.eventType));
  const given = (metadata as Record<string, unknown> | undefined)?.[SCHEMA_VERSION_KEY];
  if (given === current || (given === undefined && current === '1')) return event;
  if (given !== undefined) {
    throw new ValidationError(
      `metadata.${SCHEMA_VERSION_KEY}`,
      `is ${JSON.stringify(given)}, but ${JSON.stringify(event.eventType)} is at schema version ${current} ` +
        `in this code: save events in their current shape, and leave ${SCHEMA_VERSION_KEY} out (it is stamped for you)`,
    );
  }
  // Checked before it is copied, so a malformed event fails with the store's usual error and field.
  const valid = validateEvent(event);
  return { ...valid, metadata: { ...valid.metadata, [SCHEMA_VERSION_KEY]: current } };
}

/** `stamp` for each event of a batch; a `ValidationError` names the event, `events[<index>].<field>`. */
export function stampBatch(events: readonly AnyEvent[], upcasters: Upcasters): readonly AnyEvent[] {
  if (!Array.isArray(events)) return events;
  return events.map((event, index) => {
    try {
      return stamp(event, upcasters);
    } catch (error) {
      const invalid = findValidationError(error);
      if (invalid === undefined) throw error;
      throw new ValidationError(`events[${index}].${invalid.field}`, invalid.problem, { cause: invalid });
    }
  });
}
