import { type NatsServer, startNatsServer } from '@aether/nats-harness';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { databaseUrl, testDatabase } from './test-support/database.js';
import { runDemo, startDemo } from './test-support/run-demo.js';

// `clean` removes every demo run on its server: it gets a server of its own (see clean.integration.test.ts).
let server: NatsServer;
const { pool, newSchema } = testDatabase();

beforeAll(async () => {
  server = await startNatsServer({ jetstream: true });
}, 30_000);

afterAll(async () => {
  await server?.destroy();
});

const count = async (sql: string, value: string) =>
  (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, [value])).rows[0]?.n;

it('clean --database also lists, and with --yes removes, the order summaries project kept for the runs', async () => {
  const load = await runDemo(['load', '--nats', server.url, '--writers', '1', '--events', '3']);
  expect(load.code).toBe(0);
  const runId = /^Run ([0-9a-z]+-[0-9a-z]{4}):/m.exec(load.stdout)?.[1] ?? '';
  const schema = newSchema();
  const database = ['--database', databaseUrl(), '--schema', schema];

  const projector = startDemo(['project', '--nats', server.url, ...database, '--run', runId]);
  await projector.waitUntil('stdout', (text) =>
    text.includes('verified: 1 order matches the log at position 3'),
  );
  projector.child.kill('SIGTERM');
  expect((await projector.result).code).toBe(0);
  expect(await count(`${schema}.order_summaries WHERE run_id = $1`, runId)).toBe(1);

  const dryRun = await runDemo(['clean', '--nats', server.url, ...database]);
  expect(dryRun.code).toBe(0);
  expect(dryRun.stdout).toContain(
    `\n  order summaries of run ${runId} in ${schema}.order_summaries (1 row)\n`,
  );
  expect(await count(`${schema}.order_summaries WHERE run_id = $1`, runId)).toBe(1);

  const removed = await runDemo(['clean', '--nats', server.url, ...database, '--yes']);
  expect(removed.stderr).toBe('');
  expect(removed.code).toBe(0);
  expect(removed.stdout).toContain(
    `Removed order summaries of run ${runId} in ${schema}.order_summaries (1 row)\n`,
  );
  expect(await count(`${schema}.order_summaries WHERE run_id = $1`, runId)).toBe(0);
  expect(await count(`${schema}.aether_checkpoints WHERE projection = $1`, `order-summaries.${runId}`)).toBe(
    0,
  );

  // Without --database, clean leaves PostgreSQL alone: nothing there is listed.
  const load2 = await runDemo(['load', '--nats', server.url, '--writers', '1', '--events', '1']);
  expect(load2.code).toBe(0);
  const plain = await runDemo(['clean', '--nats', server.url]);
  expect(plain.stdout).not.toContain('order summaries');
}, 60_000);
