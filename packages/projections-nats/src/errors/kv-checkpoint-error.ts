import { type ErrorKind, errorKind } from '@aether/core/adapter';

/**
 * What went wrong talking to NATS, as a stable code a program can branch on (a lost lease and a
 * moved position are `ProjectionError`s of `@aether/projections`: `LEASE_LOST`,
 * `CHECKPOINT_CONFLICT`):
 *
 * | code | retryable | meaning |
 * |---|---|---|
 * | `TIMEOUT` | yes | NATS did not answer in time: the server is down, unreachable or overloaded |
 * | `DISCONNECTED` | yes | the connection dropped while waiting for an answer |
 * | `NO_LEADER` | yes | a cluster has no leader for the bucket right now (an election is running) |
 * | `CONNECTION_CLOSED` | no | the NATS connection is closed |
 * | `JETSTREAM_NOT_ENABLED` | no | the server (or account) has no JetStream: start it with `-js` |
 * | `PERMISSION_DENIED` | no | the server's permissions refused a subject the checkpoints need |
 * | `BUCKET_CONFIG_CONFLICT` | no | the bucket exists with other replicas or history than asked; never changed silently |
 * | `CORRUPT_ENTRY` | no | a key of the bucket holds a value these checkpoints did not write |
 * | `SERVER_ERROR` | no | any other JetStream API error; `apiCode` holds the server's code |
 */
export type KvCheckpointErrorCode =
  | 'TIMEOUT'
  | 'DISCONNECTED'
  | 'NO_LEADER'
  | 'CONNECTION_CLOSED'
  | 'JETSTREAM_NOT_ENABLED'
  | 'PERMISSION_DENIED'
  | 'BUCKET_CONFIG_CONFLICT'
  | 'CORRUPT_ENTRY'
  | 'SERVER_ERROR';

const retryableCodes: ReadonlySet<KvCheckpointErrorCode> = new Set(['TIMEOUT', 'DISCONNECTED', 'NO_LEADER']);

/** An error of `kvCheckpoints` reaching or reading its KV bucket: see `code` and `retryable`. */
export class KvCheckpointError extends Error {
  readonly code: KvCheckpointErrorCode;
  /** True when the same call may succeed if made again. */
  readonly retryable: boolean;
  /** The bucket the checkpoints live in. */
  readonly bucket: string;
  /** The JetStream API error code (`err_code`) behind this error, when there was one. */
  readonly apiCode: number | undefined;

  constructor(
    code: KvCheckpointErrorCode,
    bucket: string,
    message: string,
    options?: { cause?: unknown; apiCode?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KvCheckpointError';
    this.code = code;
    this.retryable = retryableCodes.has(code);
    this.bucket = bucket;
    this.apiCode = options?.apiCode;
    kvCheckpointErrors.mark(this);
  }
}

const kvCheckpointErrors: ErrorKind<KvCheckpointError> = errorKind(
  '@aether/projections-nats.KvCheckpointError',
);

/** The `KvCheckpointError` in `err` or its `cause` chain, from any copy of this package (with one of `codes`). */
export const findKvCheckpointError = (
  err: unknown,
  ...codes: KvCheckpointErrorCode[]
): KvCheckpointError | undefined => kvCheckpointErrors.find(err, ...codes);

/** True when `err` or an error in its `cause` chain is a `KvCheckpointError` (with one of `codes`). */
export const isKvCheckpointError = (err: unknown, ...codes: KvCheckpointErrorCode[]): boolean =>
  kvCheckpointErrors.is(err, ...codes);
