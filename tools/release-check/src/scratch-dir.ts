import { mkdtemp, rm } from 'node:fs/promises';
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
