import { type NatsServer, startNatsServer } from '@aether/nats-harness';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDemo, startDemo } from './test-support/run-demo.js';
import { expectStoryLines, storyLog, storyRun } from './test-support/story-run.js';

// Which run is the newest depends on every run on the server: this file gets a server of its own,
// where no other test starts runs meanwhile.
let server: NatsServer;

beforeAll(async () => {
  server = await startNatsServer({ jetstream: true });
}, 30_000);

afterAll(async () => {
  await server?.destroy();
});

it('watch without --run says there is no run yet, then follows the newest run there is', async () => {
  const empty = await runDemo(['watch', '--nats', server.url]);
  expect(empty.code).toBe(1);
  expect(empty.stdout).toBe('');
  expect(empty.stderr).toBe(
    `aether-demo: no demo run on 127.0.0.1:${server.port} yet: run \`aether-demo --nats 127.0.0.1:${server.port}\` first, ` +
      'or watch the bus with --bus\n',
  );

  await storyRun(server.url);
  const newest = await storyRun(server.url);
  const watcher = startDemo(['watch', '--nats', server.url]);
  try {
    await watcher.waitFor('stdout', /caught up at \d+/);
    expect(watcher.stderr()).toContain(`Watching the log of run ${newest} (stream aether-demo-${newest})`);
    expectStoryLines(watcher.stdout().split('\n').slice(0, -1), [
      ...storyLog,
      'caught up at 10; live from here',
    ]);
  } finally {
    watcher.child.kill('SIGINT');
  }
  expect((await watcher.result).code).toBe(0);
}, 60_000); // a server of its own, two stories and a watcher
