import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './run-command.js';
import { makeScratchDir, removeScratchDir } from './scratch-dir.js';

export interface NpmProject {
  /** The project (under the OS temp dir); remove it with `removeScratchDir`. */
  dir: string;
  /** What `npm install` printed, stdout and stderr together. */
  output: string;
}

/**
 * A new project that depends on the given tarballs and nothing else, installed with plain npm as
 * a user installs from the registry: whatever the tarballs need besides each other comes from the
 * registry (or npm's cache).
 */
export async function installTarballs(label: string, tarballs: readonly string[]): Promise<NpmProject> {
  const dir = await makeScratchDir(label);
  try {
    const manifest = { name: `aether-${label}`, version: '0.0.0', private: true, type: 'module' };
    await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const { stdout, stderr } = await runCommand(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs],
      // 150 s was not enough beside two whole test runs on a 2-core machine.
      { cwd: dir, timeoutMs: 480_000 },
    );
    return { dir, output: `${stdout}\n${stderr}` };
  } catch (error) {
    await removeScratchDir(dir);
    throw error;
  }
}
