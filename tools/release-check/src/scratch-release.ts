import { cp, mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type PendingChangeset, readPendingChangesets } from './pending-changesets.js';
import { runCommand } from './run-command.js';
import { makeScratchDir, removeScratchDir } from './scratch-dir.js';
import {
  isPublic,
  type Manifest,
  readManifest,
  type WorkspacePackage,
  workspacePackages,
} from './workspace.js';

/** A release made in a scratch copy of the workspace, up to the tarballs `pnpm publish` would upload. */
export interface ScratchRelease {
  /** The scratch copy (under the OS temp dir); remove it with `removeScratchDir`. */
  dir: string;
  /** The changesets `changeset version` consumed, and the config's `ignore` list. */
  changesets: PendingChangeset[];
  ignored: string[];
  /** Every workspace package before and after `changeset version`. */
  packages: VersionedPackage[];
  /** The public packages, packed by `pnpm pack` and unpacked again for inspection. */
  packed: PackedPackage[];
}

export interface VersionedPackage {
  path: string;
  before: Manifest;
  after: Manifest;
  changelogBefore: string | undefined;
  changelogAfter: string | undefined;
}

export interface PackedPackage {
  name: string;
  tarball: string;
  /** The tarball's `package/` directory, extracted. */
  contents: string;
}

/**
 * Copies what a release reads (root manifests, lockfile, `.changeset/`, every package.json, and
 * the public packages whole, built `dist/` included), runs `changeset version` there, installs
 * from the lockfile as the release workflow does (`--frozen-lockfile`: the version PR must not
 * need a lockfile change), and packs every public package. Nothing is published or pushed.
 */
export async function makeScratchRelease(root: string): Promise<ScratchRelease> {
  const dir = await makeScratchDir('release');
  try {
    return await releaseIn(root, dir);
  } catch (error) {
    await removeScratchDir(dir);
    throw error;
  }
}

async function releaseIn(root: string, dir: string): Promise<ScratchRelease> {
  const packages = await workspacePackages(root);
  const changesets = await readPendingChangesets(join(root, '.changeset'));
  const config = JSON.parse(await readFile(join(root, '.changeset', 'config.json'), 'utf8')) as {
    ignore?: string[];
  };
  await copyReleaseInputs(root, dir, packages);
  await runCommand(join(root, 'node_modules', '.bin', 'changeset'), ['version'], { cwd: dir });
  const versioned = await Promise.all(packages.map((pkg) => versionedPackage(root, dir, pkg)));
  // The workspace's own store, so that the scratch install finds every package offline even when
  // the temp dir is on another file system (where pnpm would otherwise pick a store of its own).
  const store = (await runCommand('pnpm', ['store', 'path'], { cwd: root })).stdout.trim();
  await runCommand(
    'pnpm',
    ['install', '--frozen-lockfile', '--prefer-offline', '--ignore-scripts', '--store-dir', store],
    { cwd: dir },
  );
  const packed: PackedPackage[] = [];
  for (const pkg of packages.filter((candidate) => isPublic(candidate.manifest))) {
    packed.push(await pack(join(dir, pkg.path), join(dir, 'tarballs')));
  }
  return { dir, changesets, ignored: config.ignore ?? [], packages: versioned, packed };
}

async function copyReleaseInputs(root: string, dir: string, packages: readonly WorkspacePackage[]) {
  for (const file of ['package.json', 'pnpm-workspace.yaml', 'pnpm-lock.yaml']) {
    await cp(join(root, file), join(dir, file));
  }
  await cp(join(root, '.changeset'), join(dir, '.changeset'), { recursive: true });
  for (const { path, manifest } of packages) {
    if (isPublic(manifest)) {
      const skipped = new Set(['node_modules', '.turbo']);
      await cp(join(root, path), join(dir, path), {
        recursive: true,
        filter: (src) => !skipped.has(basename(src)),
      });
    } else {
      // Private packages are never packed; the frozen install only needs their manifests.
      await mkdir(join(dir, path), { recursive: true });
      await cp(join(root, path, 'package.json'), join(dir, path, 'package.json'));
    }
  }
}

async function versionedPackage(root: string, dir: string, { path, manifest }: WorkspacePackage) {
  return {
    path,
    before: manifest,
    after: await readManifest(join(dir, path)),
    changelogBefore: await readIfThere(join(root, path, 'CHANGELOG.md')),
    changelogAfter: await readIfThere(join(dir, path, 'CHANGELOG.md')),
  };
}

async function pack(packageDir: string, destination: string): Promise<PackedPackage> {
  const { stdout } = await runCommand('pnpm', ['pack', '--pack-destination', destination, '--json'], {
    cwd: packageDir,
  });
  const { name, filename } = JSON.parse(stdout) as { name: string; filename: string };
  const contents = join(destination, basename(filename, '.tgz'));
  await mkdir(contents, { recursive: true });
  await runCommand('tar', ['-xzf', filename, '-C', contents], { cwd: destination });
  return { name, tarball: filename, contents: join(contents, 'package') };
}

async function readIfThere(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}
