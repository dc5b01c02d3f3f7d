import { createInbox, type NatsConnection } from '@nats-io/nats-core';

/**
 * A fresh reply subject for one of the store's subscriptions. A caller's `inboxPrefix` (set
 * because its permissions allow replies only there) applies to them too; nats.js keeps it on the
 * connection's options.
 */
export function inboxOf(nc: NatsConnection): string {
  const prefix = (nc as { options?: { inboxPrefix?: unknown } }).options?.inboxPrefix;
  return createInbox(typeof prefix === 'string' && prefix !== '' ? prefix : undefined);
}
