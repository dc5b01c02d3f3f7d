import { type ErrorKind, errorKind } from '@aether/core/adapter';
/**
 * What went wrong, as a stable code a program can branch on:
 *
 * | code | retryable | where | meaning |
 * |---|---|---|---|
 * | `DISCONNECTED` | yes | `publish`, `flush` | the NATS connection is down and nats.js is reconnecting; nothing was sent or delivered, not even locally |
 * | `CONNECTION_CLOSED` | no | `publish`, `subscribe`, `onError` | the NATS connection is closed for good (closed by its owner, or reconnect attempts ran out); in `onError` also when published events still waiting in the bus's outbox were lost to it |
 * | `PUBLISH_FAILED` | no | `publish`, `onError` | nats.js refused the event (in `onError`: events the bus had collected and handed over later; they are lost); `cause` says why |
 * | `MALFORMED_MESSAGE` | no | `onError` | a message on the bus's subjects is not a valid event (garbage bytes, wrong shape, a subject that does not match its payload); it was dropped and counted |
 * | `PERMISSION_DENIED` | no | `flush`, a subscription's loop, `onError` | the server's permissions refused a publish or one of a subscription's subjects; `permission` and `subject` say which |
 * | `SUBSCRIPTION_FAILED` | no | `onError` | the server refused one of a subscription's NATS subjects for another reason |
 */
export type NatsBusErrorCode =
  | 'DISCONNECTED'
  | 'CONNECTION_CLOSED'
  | 'PUBLISH_FAILED'
  | 'MALFORMED_MESSAGE'
  | 'PERMISSION_DENIED'
  | 'SUBSCRIPTION_FAILED';

const retryableCodes: ReadonlySet<NatsBusErrorCode> = new Set(['DISCONNECTED']);

export interface NatsBusErrorDetails {
  cause?: unknown;
  /** The NATS subject involved (the message's subject for `MALFORMED_MESSAGE`, the refused one for `PERMISSION_DENIED`). */
  subject?: string;
  /** The raw payload of a malformed message (a copy). */
  data?: Uint8Array;
  /** `PERMISSION_DENIED`: the permission the server refused. */
  permission?: 'publish' | 'subscribe';
}

/** An error of the NATS event bus that a program can act on: see `code` and `retryable`. */
export class NatsBusError extends Error {
  readonly code: NatsBusErrorCode;
  /** True when the same call may succeed if made again (after the connection is back). */
  readonly retryable: boolean;
  readonly subject: string | undefined;
  readonly data: Uint8Array | undefined;
  /** `PERMISSION_DENIED`: the permission the server refused (`publish` or `subscribe`). */
  readonly permission: 'publish' | 'subscribe' | undefined;

  constructor(code: NatsBusErrorCode, message: string, details: NatsBusErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'NatsBusError';
    this.code = code;
    this.retryable = retryableCodes.has(code);
    this.subject = details.subject;
    this.data = details.data;
    this.permission = details.permission;
    busErrors.mark(this);
  }
}

const busErrors: ErrorKind<NatsBusError> = errorKind('@aether/bus-nats.NatsBusError');

/**
 * The `NatsBusError` in `err` or its `cause` chain, from any copy of this package, optionally only
 * one with one of `codes`.
 */
export const findNatsBusError = (err: unknown, ...codes: NatsBusErrorCode[]): NatsBusError | undefined =>
  busErrors.find(err, ...codes);

/** True when `err` or an error in its `cause` chain is a `NatsBusError` (with one of `codes`). */
export const isNatsBusError = (err: unknown, ...codes: NatsBusErrorCode[]): boolean =>
  busErrors.is(err, ...codes);
