import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The built program, exactly as `npm run demo` runs it.
const mainScript = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const run = promisify(execFile);

async function runDemo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [mainScript, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('aether-demo', () => {
  it('runs the story and exits 0', async () => {
    const { code, stdout, stderr } = await runDemo([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Stale write rejected: VersionConflictError actorId=order-1001');
    expect(stdout).toContain('Order state after replaying 2 events: placed');
    expect(stdout).toContain('Subscriber received 4 events');
  });

  it('prints help', async () => {
    const { code, stdout } = await runDemo(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: aether-demo');
  });

  it('rejects an unknown argument with one clear line and exit code 2', async () => {
    const { code, stdout, stderr } = await runDemo(['--frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual(['aether-demo: unknown argument "--frobnicate" (see --help)']);
  });
});
