import type { AnyEvent } from '@aether/core';

/**
 * The metadata key that holds an event's schema version, as decimal text (`"3"`). An event
 * without it is version 1: events saved before upcasting was set up, and events of types that
 * never changed, need no stamp.
 */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** The schema version stamped on `event` as stored: its metadata text, `'1'` when there is none. */
export function storedSchemaText(event: AnyEvent): string {
  return event.metadata?.[SCHEMA_VERSION_KEY] ?? '1';
}

/** The version `text` stands for, or `undefined` when it is not a safe integer >= 1 in plain decimal. */
export function parseSchemaVersion(text: string): number | undefined {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) return undefined;
  const version = Number(text);
  return Number.isSafeInteger(version) ? version : undefined;
}
