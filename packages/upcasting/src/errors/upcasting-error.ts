import { type ErrorKind, errorKind } from '@aether/core/adapter';

/**
 * What went wrong, as a stable code a program can branch on (none is retryable: the same code
 * reading the same event fails the same way):
 *
 * | code | when | meaning |
 * |---|---|---|
 * | `CHAIN_INVALID` | `defineUpcasters` | an upcaster chain has a gap, a step that is not a function, or is not a chain at all |
 * | `SCHEMA_VERSION_UNKNOWN` | reading | a stored event's schema version is newer than this code knows, or not a version at all |
 * | `UPCAST_FAILED` | reading | an upcaster threw, or returned something that is not an object |
 *
 * On the read paths the last two arrive as the `cause` of a `ReplayError` from `@aether/core`.
 */
export type UpcastingErrorCode = 'CHAIN_INVALID' | 'SCHEMA_VERSION_UNKNOWN' | 'UPCAST_FAILED';

/** Which stored event an error is about (not set for `CHAIN_INVALID`). */
export interface UpcastingErrorEvent {
  readonly eventId: string;
  readonly actorId: string;
  /** The event's version in its actor's history. */
  readonly version: number;
  /** The schema version stamped in its metadata, as stored (`'1'` when there is none). */
  readonly schemaVersion: string;
}

/** An error of an upcaster chain or of upcasting one stored event: see `code`. */
export class UpcastingError extends Error {
  readonly code: UpcastingErrorCode;
  readonly retryable = false;
  readonly eventType: string;
  /** The stored event, for `SCHEMA_VERSION_UNKNOWN` and `UPCAST_FAILED`. */
  readonly event: UpcastingErrorEvent | undefined;

  constructor(
    code: UpcastingErrorCode,
    details: { eventType: string; event?: UpcastingErrorEvent; message: string; cause?: unknown },
  ) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'UpcastingError';
    this.code = code;
    this.eventType = details.eventType;
    this.event = details.event;
    upcastingErrors.mark(this);
  }
}

const upcastingErrors: ErrorKind<UpcastingError> = errorKind('@aether/upcasting.UpcastingError');

/** The `UpcastingError` in `err` or its `cause` chain, from any copy of this package (with one of `codes`). */
export const findUpcastingError = (
  err: unknown,
  ...codes: UpcastingErrorCode[]
): UpcastingError | undefined => upcastingErrors.find(err, ...codes);

/** True when `err` or an error in its `cause` chain is an `UpcastingError` (with one of `codes`). */
export const isUpcastingError = (err: unknown, ...codes: UpcastingErrorCode[]): boolean =>
  upcastingErrors.is(err, ...codes);
