import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReadStream } from './read-streams.js';
import type { StreamHost } from './session.js';

const script = fileURLToPath(new URL('./fill-process.js', import.meta.url));

/**
 * Fills the stream (when no contender did before) in a short-lived process of its own, so the
 * contender that happens to open first is measured in a process as fresh as the others': one that
 * had just saved 100,000 events read the log afterwards at about half the pace of one that had
 * not (2026-12-03), on a fresh connection too.
 */
export async function fillElsewhere(host: StreamHost, spec: ReadStream): Promise<void> {
  const child = fork(script, [JSON.stringify(host), JSON.stringify(spec)], { stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`filling stream ${spec.stream} failed (exit code ${code})`);
}
