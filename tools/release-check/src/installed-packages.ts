import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Manifest } from './workspace.js';

export interface InstalledPackage {
  name: string;
  version: string;
  dir: string;
  manifest: Manifest;
}

/** Every package under a project's `node_modules`, nested ones included. */
export async function installedPackages(projectDir: string): Promise<InstalledPackage[]> {
  const found: InstalledPackage[] = [];
  const visit = async (nodeModules: string): Promise<void> => {
    const entries = await readdir(nodeModules, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
      if (entry.name.startsWith('@')) {
        for (const scoped of await readdir(join(nodeModules, entry.name), { withFileTypes: true })) {
          if (scoped.isDirectory()) await visitPackage(join(nodeModules, entry.name, scoped.name));
        }
      } else {
        await visitPackage(join(nodeModules, entry.name));
      }
    }
  };
  const visitPackage = async (dir: string): Promise<void> => {
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
    found.push({ name: manifest.name, version: manifest.version, dir, manifest });
    await visit(join(dir, 'node_modules'));
  };
  await visit(join(projectDir, 'node_modules'));
  return found;
}

/**
 * The installed packages `pkg` loads, directly or not: its dependencies, optional and peer
 * dependencies, each found as Node finds it (the nearest `node_modules` upwards).
 */
export function dependencyClosure(
  pkg: InstalledPackage,
  installed: readonly InstalledPackage[],
): InstalledPackage[] {
  const byDir = new Map(installed.map((candidate) => [candidate.dir, candidate]));
  const closure = new Map<string, InstalledPackage>();
  const pending = [pkg];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    const { dependencies = {}, optionalDependencies = {}, peerDependencies = {} } = current.manifest;
    for (const name of Object.keys({ ...dependencies, ...optionalDependencies, ...peerDependencies })) {
      const found = resolveFrom(current.dir, name, byDir);
      if (found !== undefined && !closure.has(found.dir)) {
        closure.set(found.dir, found);
        pending.push(found);
      }
    }
  }
  return [...closure.values()];
}

function resolveFrom(dir: string, name: string, byDir: ReadonlyMap<string, InstalledPackage>) {
  for (let current = dir; ; current = dirname(current)) {
    const found = byDir.get(join(current, 'node_modules', name));
    if (found !== undefined || dirname(current) === current) return found;
  }
}
