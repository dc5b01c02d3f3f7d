import { natsUrl } from '@aether/nats-harness/vitest';
import { expect, it } from 'vitest';
import { runDemo } from './test-support/run-demo.js';

it('load --writers 3 --events 20: three processes on one order, verified 1..60, exit 0', async () => {
  const { code, stdout, stderr } = await runDemo([
    'load',
    '--nats',
    natsUrl(),
    '--writers',
    '3',
    '--events',
    '20',
  ]);
  expect(code).toBe(0);
  const lines = stdout.trimEnd().split('\n');
  expect(lines[0]).toMatch(
    /^Load: 3 writer processes add 20 items each to order-3001 on 127\.0\.0\.1:\d+, every save through saveWithRetry$/,
  );
  expect(lines[1]).toMatch(
    /^Run \S+: events in stream aether-demo-\S+ \(kept 365 days, the store's default\)/,
  );
  const summary =
    /^All writers done in [\d.]+ s: 60 events saved; (\d+) version conflicts? \(per writer 1: (\d+), 2: (\d+), 3: (\d+)\), (\d+) retr(?:y|ies); the busiest save took (\d+) attempts?$/.exec(
      lines[2] ?? '',
    );
  expect(summary, lines[2]).not.toBeNull();
  const [, conflicts, w1, w2, w3, retries] = (summary ?? []).map(Number);
  expect(conflicts).toBe((w1 ?? 0) + (w2 ?? 0) + (w3 ?? 0));
  expect(retries).toBeGreaterThanOrEqual(conflicts ?? 0);
  expect(lines[3]).toBe(
    "Verified order-3001: 60 events (3 writers x 20), versions 1-60 contiguous, each writer's 20 items exactly once",
  );
  expect(lines).toHaveLength(4);
  // Not a terminal: plain progress lines on stderr, the last one at 100%.
  const progress = stderr.trimEnd().split('\n');
  expect(progress.at(-1)).toMatch(/^load: 60\/60 events saved \(100%\), \d+ conflicts? retried, [\d.]+ s$/);
  for (const line of progress) expect(line).toMatch(/^load: \d+\/60 events saved/);
});

it('load on a server without JetStream fails in one line', async () => {
  const { startNatsServer } = await import('@aether/nats-harness');
  const server = await startNatsServer({ jetstream: false });
  try {
    const { code, stdout, stderr } = await runDemo([
      'load',
      '--nats',
      server.url,
      '--writers',
      '1',
      '--events',
      '1',
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `aether-demo: NATS at 127.0.0.1:${server.port} has no JetStream; start it with \`nats-server -js\`\n`,
    );
  } finally {
    await server.destroy();
  }
});
