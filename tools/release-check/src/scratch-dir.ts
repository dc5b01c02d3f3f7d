import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new empty directory under the OS temp dir, `aether-<label>-XXXXXX`. */
export function makeScratchDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `aether-${label}-`));
}

/** Removes a scratch directory and everything in it. */
export function removeScratchDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Removes the scratch directories whose name starts with `aether-<label>` and that were last
 * changed more than `olderThanMs` ago: those a run left behind when it was killed before its
 * cleanup (turbo stops the other tasks when one fails). The age keeps the directories of runs
 * still going, in other checkouts on the same machine, out of reach.
 */
export async function removeAbandonedScratchDirs(label: string, olderThanMs: number): Promise<string[]> {
  const prefix = `aether-${label}`;
  const removed: string[] = [];
  for (const name of (await readdir(tmpdir())).filter((entry) => entry.startsWith(prefix))) {
    const dir = join(tmpdir(), name);
    const changed = await stat(dir).then(
      (stats) => stats.mtimeMs,
      () => Date.now(),
    );
    if (Date.now() - changed > olderThanMs) {
      await removeScratchDir(dir);
      removed.push(dir);
    }
  }
  return removed;
}
