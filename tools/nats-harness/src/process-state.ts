import { readFile } from 'node:fs/promises';

/**
 * The scheduler state of a process from `/proc/<pid>/stat` (Linux): `R` running, `S` sleeping,
 * `T` stopped, `Z` zombie... `undefined` where there is no /proc or the process is gone.
 */
async function processState(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the state follows the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ', 1)[0];
  } catch {
    return undefined;
  }
}

/**
 * Waits until `pid`'s state satisfies `accept` (checked every millisecond: a signal takes effect
 * within microseconds to a few milliseconds). Returns false after `timeoutMs`, or at once where
 * /proc is not available.
 */
export async function waitForProcessState(
  pid: number,
  accept: (state: string) => boolean,
  timeoutMs = 2_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await processState(pid);
    if (state === undefined) return false;
    if (accept(state)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
