// What a nats.js error means for the bus, in the terms of @aether/nats-support's classification
// (by name and fields, never `instanceof`: a caller's connection may come from another copy of nats.js).
import { classifyNatsError } from '@aether/nats-support';

/** True for nats.js errors that mean the connection is closed or draining. */
export function isClosedConnectionError(err: unknown): boolean {
  return classifyNatsError(err).kind === 'closed';
}

/** What the server refused, read from nats.js's `PermissionViolationError`. */
export function refusalOf(
  err: unknown,
): { permission: 'publish' | 'subscribe'; subject: string } | undefined {
  const failure = classifyNatsError(err);
  return failure.kind === 'permission'
    ? { permission: failure.permission, subject: failure.subject }
    : undefined;
}
