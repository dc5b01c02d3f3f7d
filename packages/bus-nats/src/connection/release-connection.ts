import type { NatsConnection } from '@nats-io/nats-core';

/** How long a closing bus waits for the server to confirm its last publishes before it gives up. */
export const CLOSE_TIMEOUT_MS = 5_000;

/**
 * What a closing bus does with its connection (its subscriptions have already ended): gets what it
 * published to the server (a flush, at most `CLOSE_TIMEOUT_MS`), and when it owns the connection,
 * drains and closes it. A connection that is down cannot take anything: an owned one is closed at
 * once (so it stops reconnecting), a caller's is left alone.
 */
export async function releaseConnection(
  nc: NatsConnection,
  owned: boolean,
  connected: boolean,
): Promise<void> {
  if (nc.isClosed()) return;
  if (!connected) {
    if (owned) await nc.close();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
  });
  try {
    const done = owned ? nc.drain() : nc.flush();
    await Promise.race([done.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
    if (owned && !nc.isClosed()) await nc.close();
  }
}
