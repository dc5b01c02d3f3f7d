import { NatsBusError } from './bus-error.js';
import { isClosedConnectionError } from './classify.js';

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

/** `PERMISSION_DENIED` for a refusal (see `refusalOf`); `what` says what it cost, e.g. "the event was not sent". */
export function permissionDenied(
  refusal: { permission: 'publish' | 'subscribe'; subject: string },
  what: string,
  cause: unknown,
): NatsBusError {
  return new NatsBusError(
    'PERMISSION_DENIED',
    `the NATS server denied this user permission to ${refusal.permission} to ${JSON.stringify(refusal.subject)}: ${what}. ` +
      'Retrying cannot help: grant the permission (the @aether/bus-nats README, "Security", lists what a bus needs)',
    { cause, subject: refusal.subject, permission: refusal.permission },
  );
}
