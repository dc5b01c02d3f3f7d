import type { ChildProcess } from 'node:child_process';
import { afterAll } from 'vitest';

const running = new Set<ChildProcess>();

// Workers still running after the file's tests (a failed test) are killed by process id. SIGCONT
// first, because a test may have stopped one with SIGSTOP, and a stopped process only dies once it
// runs again.
afterAll(() => {
  for (const child of running) {
    if (child.pid === undefined) continue;
    try {
      process.kill(child.pid, 'SIGCONT');
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
});

/** Kills `child` after the test file unless it has exited by then. */
export function killAfterTests(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  running.add(child);
  child.once('exit', () => running.delete(child));
}
