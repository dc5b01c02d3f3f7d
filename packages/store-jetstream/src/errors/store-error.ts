import { type ErrorKind, errorKind } from '@aether/core/adapter';
/**
 * What went wrong, as a stable code a program can branch on:
 *
 * | code | retryable | meaning |
 * |---|---|---|
 * | `JETSTREAM_NOT_ENABLED` | no | the server (or account) has no JetStream: start it with `-js` |
 * | `UNSUPPORTED_SERVER` | no | the server is older than 2.9.4 (direct gets and the consumer API are needed), or runs alone while the stream is to have replicas |
 * | `STREAM_NOT_FOUND` | no | the store's stream does not exist (deleted after the store opened) |
 * | `STREAM_CONFIG_CONFLICT` | no | an existing stream's config differs from the store's; never changed silently |
 * | `STREAM_UNAVAILABLE` | yes | no stream answered on the actor's subject: deleted, restarting, or electing a leader |
 * | `NO_LEADER` | yes | a cluster has no leader for the stream right now (an election is running) |
 * | `TIMEOUT` | yes | no answer in time; a save may or may not have been stored, retrying the same event is safe |
 * | `DISCONNECTED` | yes | the connection dropped while waiting; as for `TIMEOUT`, retrying the same event is safe |
 * | `CONNECTION_CLOSED` | no | the NATS connection is closed |
 * | `STORE_CLOSED` | no | `close()` was called on the store |
 * | `EVENT_ID_CONFLICT` | no | the event id was already used by a different event |
 * | `PERMISSION_DENIED` | no | the server's permissions refused a publish or a subscription the store needs; `subject` and `permission` say which |
 * | `CONTENTION` | yes | other writers kept moving the actor ahead while this save retried |
 * | `SERVER_ERROR` | no | any other JetStream API error; `apiCode` holds the server's code |
 */
export type JetStreamStoreErrorCode =
  | 'JETSTREAM_NOT_ENABLED'
  | 'UNSUPPORTED_SERVER'
  | 'STREAM_NOT_FOUND'
  | 'STREAM_CONFIG_CONFLICT'
  | 'STREAM_UNAVAILABLE'
  | 'NO_LEADER'
  | 'TIMEOUT'
  | 'DISCONNECTED'
  | 'CONNECTION_CLOSED'
  | 'STORE_CLOSED'
  | 'EVENT_ID_CONFLICT'
  | 'PERMISSION_DENIED'
  | 'CONTENTION'
  | 'SERVER_ERROR';

const retryableCodes: ReadonlySet<JetStreamStoreErrorCode> = new Set([
  'STREAM_UNAVAILABLE',
  'NO_LEADER',
  'TIMEOUT',
  'DISCONNECTED',
  'CONTENTION',
]);

/** What a `PERMISSION_DENIED` error says the server refused: the permission and the subject. */
export interface RefusedPermission {
  /** The NATS permission that is missing: to publish to `subject`, or to subscribe to it. */
  permission: 'publish' | 'subscribe';
  subject: string;
}

/** An error of the JetStream store that a user can act on: see `code` and `retryable`. */
export class JetStreamStoreError extends Error {
  readonly code: JetStreamStoreErrorCode;
  /** True when the same call may succeed if made again (with the same event, for saves). */
  readonly retryable: boolean;
  /** The JetStream API error code (`err_code`) behind this error, when there was one. */
  readonly apiCode: number | undefined;
  /** `PERMISSION_DENIED`: the permission the server refused (`publish` or `subscribe`). */
  readonly permission: RefusedPermission['permission'] | undefined;
  /** `PERMISSION_DENIED`: the subject the server refused it for. */
  readonly subject: string | undefined;

  constructor(
    code: JetStreamStoreErrorCode,
    message: string,
    options?: { cause?: unknown; apiCode?: number; refused?: RefusedPermission },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'JetStreamStoreError';
    this.code = code;
    this.retryable = retryableCodes.has(code);
    this.apiCode = options?.apiCode;
    this.permission = options?.refused?.permission;
    this.subject = options?.refused?.subject;
    storeErrors.mark(this);
  }
}

const storeErrors: ErrorKind<JetStreamStoreError> = errorKind('@aether/store-jetstream.JetStreamStoreError');

/**
 * The `JetStreamStoreError` in `err` or its `cause` chain, from any copy of this package, optionally
 * only one with one of `codes`.
 */
export const findJetStreamStoreError = (
  err: unknown,
  ...codes: JetStreamStoreErrorCode[]
): JetStreamStoreError | undefined => storeErrors.find(err, ...codes);

/** True when `err` or an error in its `cause` chain is a `JetStreamStoreError` (with one of `codes`). */
export const isJetStreamStoreError = (err: unknown, ...codes: JetStreamStoreErrorCode[]): boolean =>
  storeErrors.is(err, ...codes);
