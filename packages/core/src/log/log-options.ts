import { compileEventFilter } from '../bus/event-filter.js';
import type { ReplayError } from '../errors/replay-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Event } from '../event.js';
import type { Position } from '../event-log.js';
import { kindOf } from '../validation/freeze-json.js';

/** `readAll`'s options, checked. */
export interface ResolvedReadAll {
  after: Position;
  /** `Infinity` when no limit was given. */
  limit: number;
  onReplayError: ((error: ReplayError) => void) | undefined;
  allowExpiredHistory: boolean;
}

/** `subscribe`'s options, checked, the filters compiled. */
export interface ResolvedLogSubscription {
  after: Position | 'end';
  live: boolean;
  /** The events the subscription wants; `undefined` when it wants every event. */
  matches: ((event: Event) => boolean) | undefined;
  signal: AbortSignal | undefined;
  onReplayError: ((error: ReplayError) => void) | undefined;
  allowExpiredHistory: boolean;
}

/** Checks `readAll`'s options (they may come from untyped callers): `ValidationError` naming the option. */
export function resolveReadAll(options: unknown): ResolvedReadAll {
  const given = optionsObject(options);
  return {
    after: given.after === undefined ? 0 : requirePosition(given.after, 'after'),
    limit: given.limit === undefined ? Number.POSITIVE_INFINITY : requireLimit(given.limit),
    onReplayError: optionalFunction(given.onReplayError, 'onReplayError'),
    allowExpiredHistory: optionalBoolean(given.allowExpiredHistory, 'allowExpiredHistory', false),
  };
}

/** Checks `subscribe`'s options: `ValidationError` naming the option, before anything is read. */
export function resolveLogSubscription(options: unknown): ResolvedLogSubscription {
  const given = optionsObject(options);
  const after =
    given.after === undefined || given.after === 'end'
      ? (given.after ?? 0)
      : requirePosition(given.after, 'after');
  const signal = given.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new ValidationError('signal', `must be an AbortSignal, got ${kindOf(signal)}`);
  }
  return {
    after: after as Position | 'end',
    live: optionalBoolean(given.live, 'live', true),
    matches: compileEventFilter({
      eventTypes: given.eventTypes as readonly string[] | undefined,
      actorPattern: given.actorPattern as string | undefined,
    }),
    signal,
    onReplayError: optionalFunction(given.onReplayError, 'onReplayError'),
    allowExpiredHistory: optionalBoolean(given.allowExpiredHistory, 'allowExpiredHistory', false),
  };
}

/** A position: a safe integer >= 0 (0 is "before the first event"), or `ValidationError` naming `field`. */
export function requirePosition(value: unknown, field: string): Position {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(field, `must be a position: a safe integer >= 0, got ${describe(value)}`);
  }
  return value;
}

function requireLimit(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError('limit', `must be a safe integer >= 1, got ${describe(value)}`);
  }
  return value;
}

function optionsObject(options: unknown): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValidationError('options', `must be an object, got ${kindOf(options)}`);
  }
  return options as Record<string, unknown>;
}

function optionalBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw new ValidationError(field, `must be true or false, got ${kindOf(value)}`);
  return value;
}

function optionalFunction<T>(value: unknown, field: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function')
    throw new ValidationError(field, `must be a function, got ${kindOf(value)}`);
  return value as T;
}

function describe(value: unknown): string {
  return typeof value === 'number'
    ? String(value)
    : typeof value === 'string'
      ? JSON.stringify(value)
      : kindOf(value);
}
