import { natsUrl } from '@aether/nats-harness/vitest';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { expect, it } from 'vitest';
import { eventFactory } from './order-events.js';
import { runNames } from './run-names.js';
import { type DemoProcess, runDemo, startDemo } from './test-support/run-demo.js';
import { expectStoryLines, storyLog, storyRun } from './test-support/story-run.js';

// Every test tells the story in a run of its own and watches that run (--run): other tests write
// to the same server at the same time, in runs of their own.

const lines = (watcher: DemoProcess) => watcher.stdout().split('\n').slice(0, -1);
const caughtUpAt10 = 'caught up at 10; live from here';
const watching = (runId: string, from: string) =>
  new RegExp(
    `^Watching the log of run ${runId} \\(stream aether-demo-${runId}\\) on 127\\.0\\.0\\.1:\\d+, ${from}; Ctrl-C to stop\\n`,
  );

/** The consumers left on the run's stream (a watcher that stopped cleanly leaves none); -1: no stream. */
async function consumersOf(runId: string): Promise<number> {
  const nc = await connect({ servers: natsUrl() });
  try {
    const jsm = await jetstreamManager(nc);
    return (await jsm.streams.info(runNames(runId).streamName)).state.consumer_count;
  } catch (error) {
    if (error instanceof Error && error.name === 'StreamNotFoundError') return -1;
    throw error;
  } finally {
    await nc.close();
  }
}

it('watch --from start prints every position in order, then "caught up at N", then goes on live; SIGINT ends it with 0', async () => {
  const runId = await storyRun(natsUrl());
  const watcher = startDemo(['watch', '--nats', natsUrl(), '--run', runId]);
  try {
    await watcher.waitFor('stdout', /caught up at \d+/);
    await watcher.waitFor('stderr', watching(runId, 'from the start'));
    expectStoryLines(lines(watcher), [...storyLog, caughtUpAt10]);

    // Another process adds to the run while the watcher follows it: 2 writers x 3 items.
    const load = await runDemo([
      'load',
      '--nats',
      natsUrl(),
      '--run',
      runId,
      '--writers',
      '2',
      '--events',
      '3',
    ]);
    expect(load.code).toBe(0);
    expect(load.stdout).toContain(`Run ${runId}: events in stream aether-demo-${runId}`);
    expect(load.stdout).toContain('Verified order-3001: 6 events (2 writers x 3)');
    await watcher.waitUntil('stdout', () => lines(watcher).length >= storyLog.length + 1 + 6);
    expect(lines(watcher).slice(storyLog.length + 1)).toEqual(
      [11, 12, 13, 14, 15, 16].map((position, index) =>
        expect.stringMatching(new RegExp(`^#${position} {3}ItemAdded {4}order-3001 v${index + 1} `)),
      ),
    );

    // A second load on the run takes the next order, so its verification starts from version 1.
    const second = await runDemo([
      'load',
      '--nats',
      natsUrl(),
      '--run',
      runId,
      '--writers',
      '1',
      '--events',
      '1',
    ]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Verified order-3002: 1 event (1 writer x 1)');
    await watcher.waitUntil('stdout', () => lines(watcher).length >= storyLog.length + 1 + 7);
    expect(lines(watcher).at(-1)).toBe(
      '#17   ItemAdded    order-3002 v1 {"sku":"W1-1","quantity":1,"priceCents":100}',
    );
  } finally {
    watcher.child.kill('SIGINT');
  }
  const { code, signal, stderr } = await watcher.result;
  expect(signal).toBeNull();
  expect(code).toBe(0);
  expect(stderr).toMatch(/\nStopped after 18 events\n$/);
  expect(await consumersOf(runId)).toBe(0);
}, 60_000); // a story, a watcher and two loads of writer processes, on a shared machine

it('watch --from end prints only what is saved after it started', async () => {
  const runId = await storyRun(natsUrl());
  const watcher = startDemo(['watch', '--nats', natsUrl(), '--run', runId, '--from', 'end']);
  const store = await JetStreamEventStore.connect({
    servers: natsUrl(),
    storeName: runNames(runId).streamName,
  });
  try {
    await watcher.waitFor('stdout', /caught up at \d+/);
    await watcher.waitFor('stderr', watching(runId, 'from the end'));
    expect(lines(watcher)).toEqual([caughtUpAt10]);

    // A decision of two events saved by this test, in one saveEvents call: one position.
    const events = eventFactory();
    await store.saveEvents([
      events.next('order-4001', 1, 'OrderPlaced', { customer: 'Edsger Dijkstra' }),
      events.next('order-4001', 2, 'ItemAdded', { sku: 'PEN', quantity: 3, priceCents: 120 }),
    ]);
    await watcher.waitUntil('stdout', () => lines(watcher).length >= 3);
    expect(lines(watcher)).toEqual([
      caughtUpAt10,
      '#11   OrderPlaced  order-4001 v1 {"customer":"Edsger Dijkstra"}',
      '#11   ItemAdded    order-4001 v2 {"sku":"PEN","quantity":3,"priceCents":120}',
    ]);
  } finally {
    await store.close();
    watcher.child.kill('SIGTERM');
  }
  const { code, stderr } = await watcher.result;
  expect(code).toBe(0);
  expect(stderr).toMatch(/\nStopped after 2 events\n$/);
  expect(await consumersOf(runId)).toBe(0);
});

it('watch --from <position> starts at that position, a batch whole', async () => {
  const runId = await storyRun(natsUrl());
  const watcher = startDemo(['watch', '--nats', natsUrl(), '--run', runId, '--from', '9']);
  try {
    await watcher.waitFor('stdout', /caught up at \d+/);
    await watcher.waitFor('stderr', watching(runId, 'from position 9'));
    expectStoryLines(lines(watcher), [...storyLog.slice(-3), caughtUpAt10]);
  } finally {
    watcher.child.kill('SIGINT');
  }
  expect((await watcher.result).code).toBe(0);
});

it('watch --from past the head catches up at once and prints nothing of the log', async () => {
  const runId = await storyRun(natsUrl());
  const watcher = startDemo(['watch', '--nats', natsUrl(), '--run', runId, '--from', '50']);
  try {
    await watcher.waitFor('stdout', /caught up at \d+/);
    expect(lines(watcher)).toEqual([caughtUpAt10]);
  } finally {
    watcher.child.kill('SIGINT');
  }
  expect((await watcher.result).code).toBe(0);
});

it('refuses to watch a run that is not on the server, in one line, creating nothing', async () => {
  const { code, stdout, stderr } = await runDemo(['watch', '--nats', natsUrl(), '--run', 'zzzzzzzz-zzzz']);
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr).toMatch(
    /^aether-demo: no run zzzzzzzz-zzzz on 127\.0\.0\.1:\d+ \(no stream aether-demo-zzzzzzzz-zzzz\); `clean` lists the runs there are\n$/,
  );
  const load = await runDemo(['load', '--nats', natsUrl(), '--run', 'zzzzzzzz-zzzz']);
  expect(load.code).toBe(1);
  expect(load.stderr).toContain('aether-demo: no run zzzzzzzz-zzzz on');
  expect(await consumersOf('zzzzzzzz-zzzz')).toBe(-1);
});
