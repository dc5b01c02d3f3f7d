import { describe, expect, it } from 'vitest';
import { runDemo } from './test-support/run-demo.js';

describe('aether-demo', () => {
  it('runs the story and exits 0', async () => {
    const { code, stdout, stderr } = await runDemo([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Stale write rejected: VersionConflictError actorId=order-1001');
    expect(stdout).toContain('Order state after replaying 2 events: placed');
    expect(stdout).toContain('Subscriber received 4 events');
    expect(stdout).toContain(
      'Clerk Bob: conflict, tried v2 but order-1002 is at v2; deciding again in 20 ms',
    );
    expect(stdout).toContain(
      'Clerk Ada: saved ItemAdded v6 and OrderShipped v7 in one saveEvents call (atomic: both or neither)',
    );
    expect(stdout).toContain('Clerk Bob: refused with OrderNotOpenError (never retried, nothing stored)');
    expect(stdout).toContain('versions 1-7 with no gaps, 1 conflict resolved by deciding again');
  });

  it('prints help documenting every mode', async () => {
    const { code, stdout, stderr } = await runDemo(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Usage: aether-demo');
    for (const mode of [
      'watch --nats <url>',
      '--from start|end|<position>',
      '--bus',
      '--run <id>',
      'load --nats <url>',
      'clean --nats <url>',
      '--writers <n>',
    ]) {
      expect(stdout).toContain(mode);
    }
  });

  it('rejects an unknown argument with one clear line and exit code 2', async () => {
    const { code, stdout, stderr } = await runDemo(['--frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual(['aether-demo: unknown argument "--frobnicate" (see --help)']);
  });

  it.each([
    [['watch'], 'watch needs --nats <url>, e.g. --nats nats://127.0.0.1:4222'],
    [
      ['watch', '--nats', '127.0.0.1', '--from', 'yesterday'],
      '--from must be start, end or a position (a whole number from 1), not "yesterday"',
    ],
    [
      ['load', '--nats', 'http://127.0.0.1:4222'],
      '--nats "http://127.0.0.1:4222" must use nats://, not http://',
    ],
    [
      ['load', '--nats', '127.0.0.1', '--writers', '0'],
      '--writers must be a whole number from 1 to 32, not "0"',
    ],
  ])('refuses %j before connecting anywhere, in one line', async (args, message) => {
    const { code, stdout, stderr } = await runDemo(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`aether-demo: ${message} (see --help)\n`);
  });
});
