import { createServer, type Server, type Socket } from 'node:net';
import { freePort } from '@aether/nats-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from './test-support/run-demo.js';

// No server needed: these check that the NATS modes fail fast, in one line, when there is none.
describe('an unreachable NATS server', () => {
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
    const { code, stdout, stderr, ms } = await runDemo(args);
    expect(stderr).toBe(
      `aether-demo: cannot connect to NATS at 127.0.0.1:${port}: connection refused; ` +
        'start one with `nats-server -js`\n',
    );
    expect(stdout).toBe('');
    expect(code).toBe(1);
    // The message already says "refused", not "no answer within 2 s"; the time rules out a
    // reconnect loop, with room for a loaded 2-core machine starting Node (3.3 s seen under npm test).
    expect(ms).toBeLessThan(8000);
  });

  describe('a port that accepts but never answers', () => {
    let silent: Server;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      silent = createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => {});
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('gives up after the 2 s connect timeout, in one line, and exits', async () => {
      const address = silent.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const { code, stdout, stderr, ms } = await runDemo(['--nats', `127.0.0.1:${port}`]);
      expect(stderr).toBe(
        `aether-demo: no answer from NATS at 127.0.0.1:${port} within 2 s; is a NATS server listening there?\n`,
      );
      expect(stdout).toBe('');
      expect(code).toBe(1);
      expect(ms).toBeGreaterThanOrEqual(1900);
      // Well below "hangs", with room for a loaded 2-core CI machine starting a Node process.
      expect(ms).toBeLessThan(8000);
    }, 15_000);
  });
});
