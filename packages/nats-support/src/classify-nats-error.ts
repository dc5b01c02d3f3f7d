/** JetStream API error codes (`err_code`) Aether's packages act on. Recognised by code, never by text. */
export const ApiCodes = {
  ClusterNotAvailable: 10008,
  ClusterNotLeader: 10009,
  JetStreamNotEnabledForAccount: 10039,
  JetStreamNotEnabled: 10076,
  StreamNameInUse: 10058,
  StreamNotFound: 10059,
  StreamSubjectOverlap: 10065,
  WrongLastSequence: 10071,
} as const;

/** What kind of failure a nats.js error is, decided from error names and codes. */
export type NatsFailure =
  | { kind: 'api'; apiCode: number }
  | { kind: 'status'; status: number }
  | { kind: 'timeout' }
  | { kind: 'no-responders' }
  /** `sent: false` when the request never left: the connection was down all along. */
  | { kind: 'disconnected'; sent: boolean }
  | { kind: 'permission'; permission: 'publish' | 'subscribe'; subject: string }
  | { kind: 'closed' }
  | { kind: 'invalid-argument' }
  | { kind: 'unknown' };

const maxDepth = 8;

/**
 * Classifies an error thrown by nats.js, following its `cause` chain. Uses `name` and numeric codes,
 * never `instanceof` (errors from another copy of the nats.js packages, on a caller's connection,
 * classify the same) nor message text.
 */
export function classifyNatsError(err: unknown): NatsFailure {
  let current: unknown = err;
  for (let depth = 0; depth < maxDepth && typeof current === 'object' && current !== null; depth++) {
    const failure = classifyOne(current as { name?: unknown; code?: unknown; cause?: unknown });
    if (failure !== undefined) return failure;
    current = (current as { cause?: unknown }).cause;
  }
  return { kind: 'unknown' };
}

function classifyOne(err: { name?: unknown; code?: unknown; cause?: unknown }): NatsFailure | undefined {
  switch (err.name) {
    case 'JetStreamApiError':
    case 'StreamNotFoundError':
    case 'ConsumerNotFoundError':
      return typeof err.code === 'number' ? { kind: 'api', apiCode: err.code } : undefined;
    case 'JetStreamStatusError':
      return typeof err.code === 'number' ? statusFailure(err.code) : undefined;
    case 'TimeoutError':
      return { kind: 'timeout' };
    case 'NoResponders':
      return { kind: 'no-responders' };
    case 'ClosedConnectionError':
    case 'DrainingConnectionError':
      return { kind: 'closed' };
    case 'InvalidArgumentError':
      return { kind: 'invalid-argument' };
    case 'PermissionViolationError':
      return permissionFailure(err as { operation?: unknown; subject?: unknown });
    case 'ConnectionDownError':
      return { kind: 'disconnected', sent: false };
    case 'RequestError': {
      // A RequestError wraps its reason; without a recognisable one it is a dropped connection.
      const inner = err.cause === undefined ? undefined : classifyNatsError(err.cause);
      return inner !== undefined && inner.kind !== 'unknown' ? inner : { kind: 'disconnected', sent: true };
    }
    default:
      return undefined;
  }
}

// nats.js's PermissionViolationError says `subscription` where the NATS permission is `subscribe`.
function permissionFailure(err: { operation?: unknown; subject?: unknown }): NatsFailure {
  return {
    kind: 'permission',
    permission: err.operation === 'subscription' ? 'subscribe' : 'publish',
    subject: typeof err.subject === 'string' ? err.subject : '',
  };
}

function statusFailure(status: number): NatsFailure {
  if (status === 408) return { kind: 'timeout' };
  if (status === 503) return { kind: 'no-responders' };
  return { kind: 'status', status };
}

/** The JetStream API error code (`err_code`) of `err`, if it is (or wraps) a JetStream API error. */
export function apiCodeOf(err: unknown): number | undefined {
  const failure = classifyNatsError(err);
  return failure.kind === 'api' ? failure.apiCode : undefined;
}

/** True when `err` is JetStream's "wrong last sequence": an expected-sequence or revision check failed. */
export function isWrongLastSequence(err: unknown): boolean {
  return apiCodeOf(err) === ApiCodes.WrongLastSequence;
}
