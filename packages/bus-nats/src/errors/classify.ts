// What a nats.js error means for the bus, read by name and fields rather than `instanceof`: a
// caller's connection may come from another copy of nats.js.

/** True for nats.js errors that mean the connection is closed or draining. */
export function isClosedConnectionError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'ClosedConnectionError' || name === 'DrainingConnectionError';
}

/** What the server refused, read from nats.js's `PermissionViolationError`. */
export function refusalOf(
  err: unknown,
): { permission: 'publish' | 'subscribe'; subject: string } | undefined {
  const { name, operation, subject } = (err ?? {}) as {
    name?: unknown;
    operation?: unknown;
    subject?: unknown;
  };
  if (name !== 'PermissionViolationError' || typeof subject !== 'string') return undefined;
  // nats.js says `subscription` where the NATS permission is `subscribe`.
  return { permission: operation === 'subscription' ? 'subscribe' : 'publish', subject };
}
