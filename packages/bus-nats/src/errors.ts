/**
 * What went wrong, as a stable code a program can branch on:
 *
 * | code | retryable | where | meaning |
 * |---|---|---|---|
 * | `DISCONNECTED` | yes | `publish`, `flush` | the NATS connection is down and nats.js is reconnecting; nothing was sent or delivered, not even locally |
 * | `CONNECTION_CLOSED` | no | `publish`, `subscribe`, `onError` | the NATS connection is closed for good (closed by its owner, or reconnect attempts ran out); in `onError` also when published events still waiting in the bus's outbox were lost to it |
 * | `PUBLISH_FAILED` | no | `publish`, `onError` | nats.js refused the event (in `onError`: events the bus had collected and handed over later; they are lost); `cause` says why |
 * | `MALFORMED_MESSAGE` | no | `onError` | a message on the bus's subjects is not a valid event (garbage bytes, wrong shape, a subject that does not match its payload); it was dropped and counted |
 * | `SUBSCRIPTION_FAILED` | no | `onError` | the server refused one of a subscription's NATS subjects (e.g. a permissions violation) |
 */
export type NatsBusErrorCode =
  | 'DISCONNECTED'
  | 'CONNECTION_CLOSED'
  | 'PUBLISH_FAILED'
  | 'MALFORMED_MESSAGE'
  | 'SUBSCRIPTION_FAILED';

const retryableCodes: ReadonlySet<NatsBusErrorCode> = new Set(['DISCONNECTED']);
const brand = Symbol.for('@aether/bus-nats.NatsBusError');

export interface NatsBusErrorDetails {
  cause?: unknown;
  /** The NATS subject involved (the message's subject for `MALFORMED_MESSAGE`). */
  subject?: string;
  /** The raw payload of a malformed message (a copy). */
  data?: Uint8Array;
}

/** An error of the NATS event bus that a program can act on: see `code` and `retryable`. */
export class NatsBusError extends Error {
  readonly code: NatsBusErrorCode;
  /** True when the same call may succeed if made again (after the connection is back). */
  readonly retryable: boolean;
  readonly subject: string | undefined;
  readonly data: Uint8Array | undefined;

  constructor(code: NatsBusErrorCode, message: string, details: NatsBusErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'NatsBusError';
    this.code = code;
    this.retryable = retryableCodes.has(code);
    this.subject = details.subject;
    this.data = details.data;
    Object.defineProperty(this, brand, { value: true });
  }
}

/** True for a `NatsBusError` from any copy of this package, optionally with one of `codes`. */
export function isNatsBusError(err: unknown, ...codes: NatsBusErrorCode[]): err is NatsBusError {
  if (typeof err !== 'object' || err === null || (err as Record<symbol, unknown>)[brand] !== true)
    return false;
  return codes.length === 0 || codes.includes((err as NatsBusError).code);
}

/** True when retrying the failed call may succeed: a retryable `NatsBusError`. */
export function isRetryableBusError(err: unknown): boolean {
  return isNatsBusError(err) && err.retryable;
}

/** True for nats.js errors that mean the connection is closed or draining (by name: any copy of nats.js). */
export function isClosedConnectionError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'ClosedConnectionError' || name === 'DrainingConnectionError';
}

/** What a failure of nats.js to take a message means for the bus: the connection closed, or something else. */
export function publishFailure(err: unknown, connectionClosed: boolean, what: string): NatsBusError {
  if (connectionClosed || isClosedConnectionError(err)) {
    return new NatsBusError('CONNECTION_CLOSED', `cannot publish ${what}: the NATS connection is closed`, {
      cause: err,
    });
  }
  return new NatsBusError('PUBLISH_FAILED', `nats.js refused ${what}: ${(err as Error).message}`, {
    cause: err,
  });
}
