import { createServer, type Server, type Socket } from 'node:net';
import { freePort } from '@aether/nats-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from './test-support/run-demo.js';

// No server needed: these check that the NATS modes fail fast, in one line, when there is none.
describe('an unreachable NATS server', () => {
  // A port that accepts connections but never answers: the demo gives up after its 2 s connect timeout.
  let silent: Server;
  let silentPort = 0;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    silentPort = typeof address === 'object' && address !== null ? address.port : 0;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it.each([
    [[] as string[]],
    [['watch']],
    [['load', '--writers', '2', '--events', '3']],
    [['project']],
    [['clean', '--yes']],
  ])('%j with nothing listening on the port: one line, exit 1, at once', async (mode) => {
    const port = await freePort();
    const [command = '', ...options] = mode;
    const args =
      command === ''
        ? ['--nats', `nats://127.0.0.1:${port}`]
        : [command, '--nats', `127.0.0.1:${port}`, ...options];
    // "At once" is measured against a twin started at the same moment against the silent port,
    // which waits out the 2 s connect timeout: both pay for starting Node, which on a busy 2-core
    // machine took anything from 1 s to 30 s, so no fixed bound holds.
    const [refused, unanswered] = await Promise.all([
      runDemo(args),
      runDemo(['--nats', `127.0.0.1:${silentPort}`]),
    ]);
    expect(refused.stderr).toBe(
      `aether-demo: cannot connect to NATS at 127.0.0.1:${port}: connection refused; ` +
        'start one with `nats-server -js`\n',
    );
    expect(refused.stdout).toBe('');
    expect(refused.code).toBe(1);
    // The message already says "refused", not "no answer within 2 s"; the time rules out a
    // reconnect loop before the first connection (nats.js would try 10 times, 2 s apart: 20 s
    // more), with 10 s for the two processes' start-up times to differ on a loaded machine.
    expect(unanswered.stderr).toMatch(/within 2 s/);
    expect(refused.ms).toBeLessThan(unanswered.ms + 10_000);
  });

  it('gives up after the 2 s connect timeout, in one line, and exits', async () => {
    const { code, stdout, stderr, ms } = await runDemo(['--nats', `127.0.0.1:${silentPort}`]);
    expect(stderr).toBe(
      `aether-demo: no answer from NATS at 127.0.0.1:${silentPort} within 2 s; is a NATS server listening there?\n`,
    );
    expect(stdout).toBe('');
    expect(code).toBe(1);
    // Not before its timeout; that it does give up, rather than hang, the test's timeout checks.
    expect(ms).toBeGreaterThanOrEqual(1900);
  });
});
