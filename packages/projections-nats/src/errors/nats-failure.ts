/** JetStream API error codes (`err_code`) the checkpoints act on. Recognised by code, never by text. */
export const ApiCodes = {
  ClusterNotAvailable: 10008,
  ClusterNotLeader: 10009,
  JetStreamNotEnabledForAccount: 10039,
  JetStreamNotEnabled: 10076,
  WrongLastSequence: 10071,
} as const;

/** What kind of failure a nats.js error is. */
export type NatsFailure =
  | { kind: 'api'; apiCode: number }
  | { kind: 'timeout' }
  | { kind: 'no-responders' }
  | { kind: 'disconnected' }
  | { kind: 'permission'; subject: string }
  | { kind: 'closed' }
  | { kind: 'unknown' };

/**
 * Classifies an error thrown by nats.js by `name` and numeric codes along its `cause` chain, never
 * by `instanceof` (a caller's connection may come from another copy of nats.js) nor by message
 * text. The same rules as `@aether/store-jetstream`'s, for the few failures a KV bucket meets.
 */
export function classifyNatsError(err: unknown): NatsFailure {
  let current: unknown = err;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const failure = classifyOne(current as { name?: unknown; code?: unknown; subject?: unknown });
    if (failure !== undefined) return failure;
    current = (current as { cause?: unknown }).cause;
  }
  return { kind: 'unknown' };
}

function classifyOne(err: { name?: unknown; code?: unknown; subject?: unknown; cause?: unknown }) {
  switch (err.name) {
    case 'JetStreamApiError':
      return typeof err.code === 'number' ? ({ kind: 'api', apiCode: err.code } as const) : undefined;
    case 'JetStreamStatusError':
      if (err.code === 408) return { kind: 'timeout' } as const;
      return err.code === 503 ? ({ kind: 'no-responders' } as const) : undefined;
    case 'TimeoutError':
      return { kind: 'timeout' } as const;
    case 'NoResponders':
    case 'NoRespondersError':
      return { kind: 'no-responders' } as const;
    case 'ClosedConnectionError':
    case 'DrainingConnectionError':
      return { kind: 'closed' } as const;
    case 'PermissionViolationError':
      return { kind: 'permission', subject: typeof err.subject === 'string' ? err.subject : '' } as const;
    case 'RequestError': {
      // A RequestError wraps its reason; without a recognisable one it is a dropped connection.
      const inner = err.cause === undefined ? undefined : classifyNatsError(err.cause);
      return inner !== undefined && inner.kind !== 'unknown' ? inner : ({ kind: 'disconnected' } as const);
    }
    default:
      return undefined;
  }
}

/** True when `err` is JetStream's "wrong last sequence": a revision check failed. */
export function isWrongRevision(err: unknown): boolean {
  const failure = classifyNatsError(err);
  return failure.kind === 'api' && failure.apiCode === ApiCodes.WrongLastSequence;
}
