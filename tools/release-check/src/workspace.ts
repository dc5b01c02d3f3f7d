import { readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './run-command.js';

/** The root of the workspace this tool belongs to. */
export const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The fields of a package.json the release check reads. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  engines?: { node?: string };
  exports?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  /** The package's directory, relative to the workspace root (`packages/core`). */
  path: string;
  manifest: Manifest;
}

/** Every package of the workspace at `root` but the root itself, as pnpm sees them. */
export async function workspacePackages(root: string = workspaceRoot): Promise<WorkspacePackage[]> {
  const { stdout } = await runCommand('pnpm', ['ls', '--recursive', '--json', '--depth', '-1'], {
    cwd: root,
  });
  const realRoot = await realpath(root);
  const listed = (JSON.parse(stdout) as Array<{ path: string }>).filter((entry) => entry.path !== realRoot);
  return Promise.all(
    listed.map(async ({ path }) => ({
      path: path.slice(realRoot.length + 1),
      manifest: await readManifest(path),
    })),
  );
}

export async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Whether npm would publish the package (`private` is not `true`). */
export function isPublic(manifest: Manifest): boolean {
  return manifest.private !== true;
}
