import { isRetryable } from '@aether/core';
import type { NatsCluster, NatsServer } from '@aether/nats-harness';
import type { JetStreamManager } from '@nats-io/jetstream';

/**
 * Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. For conditions the
 * server announces nowhere a client can await, such as "the stream has a leader".
 */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not reached within ${timeoutMs} ms`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The node of `cluster` that leads `stream` now, and its replicas up to date; waits for a leader. */
export async function streamLeader(
  cluster: NatsCluster,
  jsm: JetStreamManager,
  stream: string,
  options: { not?: string; timeoutMs?: number } = {},
): Promise<NatsServer> {
  const name = await pollUntil(
    `stream ${stream} has a leader${options.not === undefined ? '' : ` other than ${options.not}`}`,
    async () => {
      const leader = (await jsm.streams.info(stream)).cluster?.leader;
      return leader !== undefined && leader !== '' && leader !== options.not ? leader : undefined;
    },
    options.timeoutMs,
  );
  const node = cluster.nodes.find((candidate) => candidate.serverName === name);
  if (node === undefined)
    throw new Error(`stream ${stream} is led by ${name}, which is not a node of the cluster`);
  return node;
}

/**
 * Calls `read` until it succeeds, again after each retryable store error (a read can time out
 * while the cluster still places consumers on a node it has not yet noticed is gone), for up to
 * `timeoutMs`. Returns the result and how many attempts failed.
 */
export async function readRetrying<T>(
  read: () => Promise<T>,
  timeoutMs = 20_000,
): Promise<{ value: T; failedAttempts: number }> {
  const deadline = Date.now() + timeoutMs;
  for (let failedAttempts = 0; ; failedAttempts++) {
    try {
      return { value: await read(), failedAttempts };
    } catch (err) {
      if (!isRetryable(err) || Date.now() > deadline) throw err;
    }
  }
}
