import { natsUrl } from '@aether/nats-harness/vitest';
import { expect, it } from 'vitest';
import { runDemo, startDemo } from './test-support/run-demo.js';

it('watch --bus, in another process, prints the events of a --nats run as they arrive; SIGINT ends it with 0', async () => {
  const watcher = startDemo(['watch', '--nats', natsUrl(), '--bus']);
  try {
    await watcher.waitFor(
      'stderr',
      /Watching namespace "orders\.\*" \(subject prefix aether-demo\) on 127\.0\.0\.1:\d+; Ctrl-C to stop\n/,
    );

    const story = await runDemo(['--nats', natsUrl()]);
    expect(story.code).toBe(0);
    const namespace = /published on bus namespace "([^"]+)"/.exec(story.stdout)?.[1];
    expect(namespace).toMatch(/^orders\./);

    // Other tests may publish on the same server at the same time: look at this run's namespace.
    const expected = [
      'OrderPlaced  order-1001 v1 {"customer":"Ada Lovelace"}',
      'ItemAdded    order-1001 v2 {"sku":"TEA-EARL-GREY","quantity":2,"priceCents":450}',
      'ItemAdded    order-1001 v3 {"sku":"SCONE","quantity":1,"priceCents":300}',
      'OrderShipped order-1001 v4 {"carrier":"Royal Mail"}',
      'OrderPlaced  order-1002 v1 {"customer":"Grace Hopper"}',
    ];
    const ours = () =>
      watcher
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith(`${namespace}  `))
        .map((line) => line.slice(`${namespace}  `.length));
    // 4 story events and the clerks' 7: wait for the 11th line of this run.
    await watcher.waitUntil('stdout', () => ours().length >= 11);
    expect(ours().slice(0, 5)).toEqual(expected);
    expect(ours()).toHaveLength(11);
    expect(
      ours()
        .slice(5)
        .map((line) => line.replace(/ \{.*/, '')),
    ).toEqual([
      'ItemAdded    order-1002 v2',
      'ItemAdded    order-1002 v3',
      'ItemAdded    order-1002 v4',
      'ItemAdded    order-1002 v5',
      'ItemAdded    order-1002 v6',
      'OrderShipped order-1002 v7',
    ]);
  } finally {
    watcher.child.kill('SIGINT');
  }
  const interruptedAt = performance.now();
  const { code, signal, stderr } = await watcher.result;
  const stopMs = performance.now() - interruptedAt;
  expect(signal).toBeNull();
  expect(code).toBe(0);
  expect(stderr).toMatch(/\nStopped after \d+ events\n$/);
  // Promptly after SIGINT, timed from the signal: the whole run took up to 26 s on a busy machine.
  expect(stopMs).toBeLessThan(15_000);
});

it('watch --bus ends cleanly on SIGTERM too', async () => {
  const watcher = startDemo(['watch', '--nats', natsUrl(), '--bus']);
  await watcher.waitFor('stderr', /Ctrl-C to stop\n/);
  const stopped = performance.now();
  watcher.child.kill('SIGTERM');
  const { code, stderr } = await watcher.result;
  expect(code).toBe(0);
  expect(stderr).toMatch(/Stopped after \d+ events?\n$/);
  expect(performance.now() - stopped).toBeLessThan(15_000);
});
