import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll } from 'vitest';
import { natsUrl } from './vitest.js';

/** A name no other test, test file or earlier run uses: `t-<label>-<random>` (letters, digits, `-`). */
export function uniqueTestName(label: string): string {
  return `t-${label}-${randomUUID().slice(0, 8)}`;
}

// Teardown steps of this test file, run after its last test, the latest first. A registry rather
// than afterAll() calls, because hooks registered inside a running test never run.
const teardown: Array<() => unknown> = [];
afterAll(async () => {
  for (let step = teardown.pop(); step !== undefined; step = teardown.pop()) await step();
});

/** Runs `step` after the file's tests (steps run in reverse order of registration). */
export function cleanup(step: () => unknown): void {
  teardown.push(step);
}

/** Connects to the test server; the connection is closed after everything registered later. */
export async function testConnection(servers: string | string[] = natsUrl()): Promise<NatsConnection> {
  const nc = await connect({ servers });
  cleanup(() => nc.close());
  return nc;
}
