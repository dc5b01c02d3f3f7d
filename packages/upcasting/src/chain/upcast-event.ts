import type { AnyEvent, Event } from '@aether/core';
import { UpcastingError, type UpcastingErrorEvent } from '../errors/upcasting-error.js';
import { parseSchemaVersion, SCHEMA_VERSION_KEY, storedSchemaText } from '../schema-version.js';
import type { Upcaster, UpcastStep } from './upcaster-chain.js';

/** One event type's registered chain, ready to run. */
export interface CheckedChain {
  readonly version: number;
  // The version as the metadata text it is compared with, so the common case costs no parsing.
  readonly versionText: string;
  readonly steps: readonly UpcastStep[];
}

/**
 * `event` in the current shape of its type (the same object when it is in it already), its
 * metadata stamped with the current version. Throws `UpcastingError`: `SCHEMA_VERSION_UNKNOWN` for
 * a version above the current one (or one that is no version), `UPCAST_FAILED` when a step throws
 * or returns something that is not an object.
 */
export function upcastEvent(event: AnyEvent, chain: CheckedChain): Event {
  const text = storedSchemaText(event);
  if (text === chain.versionText) return event as Event;
  const stored = parseSchemaVersion(text);
  if (stored === undefined || stored > chain.version) throw unknownVersion(event, text, chain.version);
  let data: unknown = event.data;
  for (let version = stored + 1; version <= chain.version; version++) {
    data = runStep(event, (chain.steps[version - 2] as UpcastStep).up, data, version);
  }
  return {
    ...event,
    data: data as Record<string, unknown>,
    metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: chain.versionText },
  };
}

function runStep(event: AnyEvent, up: Upcaster<never, unknown>, data: unknown, version: number): unknown {
  let result: unknown;
  try {
    result = (up as Upcaster<unknown, unknown>)(data, event);
  } catch (cause) {
    throw failed(event, version, `threw: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    const got = result === null ? 'null' : Array.isArray(result) ? 'an array' : typeof result;
    throw failed(event, version, `returned ${got}, not the data object of version ${version}`);
  }
  return result;
}

function unknownVersion(event: AnyEvent, text: string, current: number): UpcastingError {
  const about = describe(event, text);
  const problem =
    parseSchemaVersion(text) === undefined
      ? `has schema version ${JSON.stringify(text)} in its metadata (${SCHEMA_VERSION_KEY}), which is not a whole number >= 1`
      : `has schema version ${text}, newer than ${current}, the newest this code knows of ${event.eventType}`;
  return new UpcastingError('SCHEMA_VERSION_UNKNOWN', {
    eventType: event.eventType,
    event: about,
    message:
      `event ${JSON.stringify(event.id)} of type ${JSON.stringify(event.eventType)} ${problem} ` +
      `(actor ${JSON.stringify(event.actorId)}, version ${event.version}): read it with code whose upcasters ` +
      'reach its version; it is stored unchanged, and the other events stay readable',
  });
}

function failed(event: AnyEvent, version: number, what: string, cause?: unknown): UpcastingError {
  return new UpcastingError('UPCAST_FAILED', {
    eventType: event.eventType,
    event: describe(event, storedSchemaText(event)),
    cause,
    message:
      `the upcaster of ${JSON.stringify(event.eventType)} to schema version ${version} ${what} ` +
      `(event ${JSON.stringify(event.id)}, actor ${JSON.stringify(event.actorId)}, version ${event.version}); ` +
      'fix the upcaster: the stored event is unchanged',
  });
}

function describe(event: AnyEvent, schemaVersion: string): UpcastingErrorEvent {
  return { eventId: event.id, actorId: event.actorId, version: event.version, schemaVersion };
}
