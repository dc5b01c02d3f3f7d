import { type NatsServer, startNatsServer } from '@aether/nats-harness';
import { type JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDemo } from './test-support/run-demo.js';

// `clean` removes every demo run on its server, so it gets a server of its own: on the shared one
// it would remove the streams of the other demo tests while they run.
let server: NatsServer;
let nc: NatsConnection;
let jsm: JetStreamManager;
let at: string;

beforeAll(async () => {
  server = await startNatsServer({ jetstream: true });
  at = `127.0.0.1:${server.port}`;
  nc = await connect({ servers: server.url });
  jsm = await jetstreamManager(nc);
}, 30_000);

afterAll(async () => {
  await nc?.close();
  await server?.destroy();
});

async function streamNames(): Promise<string[]> {
  const names: string[] = [];
  for await (const name of jsm.streams.names()) names.push(name);
  return names.sort();
}

const created = String.raw`created \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC`;

it('lists what --nats and load runs left without removing it, then removes exactly that with --yes', async () => {
  // Streams that are not the demo's, two of them named much like it: clean must leave them.
  const others = ['KV_shop-snapshots', 'aether-demo-prod', 'orders'];
  for (const name of others) await jsm.streams.add({ name, subjects: [`${name}.>`] });

  const [story, load] = await Promise.all([
    runDemo(['--nats', server.url]),
    runDemo(['load', '--nats', server.url, '--writers', '1', '--events', '1']),
  ]);
  expect(story.code).toBe(0);
  expect(load.code).toBe(0);
  expect(load.stdout).toContain('Load: 1 writer process adds 1 item to order-3001');
  const storyStream = /in stream (\S+)/.exec(story.stdout)?.[1] ?? '';
  const loadStream = /in stream (\S+)/.exec(load.stdout)?.[1] ?? '';
  const left = [storyStream, `${storyStream}-snapshots`, loadStream].sort();
  const expectedLines = left.map((name) =>
    name === storyStream
      ? `stream ${name} \\(10 messages, ${created}\\)` // the story's 4, the clerks' 5 and their batch of 2
      : name === loadStream
        ? `stream ${name} \\(1 message, ${created}\\)`
        : `snapshot bucket ${name} \\(1 snapshot, ${created}\\)`,
  );

  const dryRun = await runDemo(['clean', '--nats', server.url]);
  expect(dryRun.stderr).toBe('');
  expect(dryRun.code).toBe(0);
  expect(dryRun.stdout).toMatch(
    new RegExp(
      `^Demo runs left 2 streams and 1 snapshot bucket on ${at}:\n` +
        expectedLines.map((line) => `  ${line}\n`).join('') +
        'Nothing removed: run again with --yes to remove them.\n$',
    ),
  );
  expect(await streamNames()).toEqual(
    [...others, storyStream, `KV_${storyStream}-snapshots`, loadStream].sort(),
  );

  const removal = await runDemo(['clean', '--nats', server.url, '--yes']);
  expect(removal.stderr).toBe('');
  expect(removal.code).toBe(0);
  expect(removal.stdout).toMatch(
    new RegExp(
      `^${expectedLines.map((line) => `Removed ${line}\n`).join('')}` +
        `Removed 2 streams and 1 snapshot bucket from ${at}\n$`,
    ),
  );
  expect(await streamNames()).toEqual(others.sort());

  const again = await runDemo(['clean', '--nats', server.url, '--yes']);
  expect(again.code).toBe(0);
  expect(again.stdout).toBe(`No demo streams or snapshot buckets on ${at}\n`);
  for (const name of others) await jsm.streams.delete(name);
}, 360_000);

it('--older-than leaves runs younger than that in place', async () => {
  const story = await runDemo(['--nats', server.url]);
  expect(story.code).toBe(0);
  const stream = /in stream (\S+)/.exec(story.stdout)?.[1] ?? '';

  const young = await runDemo(['clean', '--nats', server.url, '--older-than', '1h', '--yes']);
  expect(young.code).toBe(0);
  expect(young.stdout).toBe(`No demo streams or snapshot buckets older than 1h on ${at}\n`);
  expect(await streamNames()).toEqual([stream, `KV_${stream}-snapshots`].sort());

  const all = await runDemo(['clean', '--nats', server.url, '--yes']);
  expect(all.stdout).toMatch(/\nRemoved 1 stream and 1 snapshot bucket from /);
  expect(await streamNames()).toEqual([]);
}, 360_000);

it('clean on a server without JetStream fails in one line, exit 1', async () => {
  const plain = await startNatsServer({ jetstream: false });
  try {
    const { code, stdout, stderr } = await runDemo(['clean', '--nats', plain.url, '--yes']);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `aether-demo: NATS at 127.0.0.1:${plain.port} has no JetStream; start it with \`nats-server -js\`\n`,
    );
    expect(code).toBe(1);
  } finally {
    await plain.destroy();
  }
}, 120_000);
