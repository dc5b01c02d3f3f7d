import { inc, type ReleaseType, satisfies } from 'semver';
import type { PendingChangeset } from './pending-changesets.js';
import type { Manifest } from './workspace.js';

const RANK: Record<ReleaseType, number> = { patch: 0, minor: 1, major: 2 };

/**
 * The version of every package after `changeset version`, by the rules this workspace relies on
 * (changesets' defaults):
 *
 * - a package that pending changesets name takes the highest bump any of them asks for;
 * - a package they do not name gets a patch when one of its `dependencies` is bumped past the
 *   range it declares (`workspace:^` is `^` of the dependency's current version: on 0.x a minor
 *   bump leaves it), and so on down the dependency graph;
 * - devDependencies never bump a package, and `ignored` packages (the changesets config's
 *   `ignore` list) never move.
 */
export function expectedVersions(
  packages: readonly Manifest[],
  changesets: readonly PendingChangeset[],
  ignored: readonly string[] = [],
): Map<string, string> {
  const current = new Map(packages.map((manifest) => [manifest.name, manifest.version]));
  refusePeerDependenciesOnEachOther(packages, current);
  const bumps = new Map<string, ReleaseType>();
  for (const { bumps: asked } of changesets) {
    for (const [name, bump] of asked) {
      const before = bumps.get(name);
      if (before === undefined || RANK[bump] > RANK[before]) bumps.set(name, bump);
    }
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const manifest of packages) {
      if (bumps.has(manifest.name) || ignored.includes(manifest.name)) continue;
      if (leavesARange(manifest, current, bumps)) {
        bumps.set(manifest.name, 'patch');
        grew = true;
      }
    }
  }
  const next = new Map<string, string>();
  for (const [name, version] of current) {
    const bump = ignored.includes(name) ? undefined : bumps.get(name);
    next.set(name, bump === undefined ? version : (inc(version, bump) ?? version));
  }
  return next;
}

function leavesARange(
  manifest: Manifest,
  current: ReadonlyMap<string, string>,
  bumps: ReadonlyMap<string, ReleaseType>,
): boolean {
  return Object.entries(manifest.dependencies ?? {}).some(([dependency, specifier]) => {
    const bump = bumps.get(dependency);
    const version = current.get(dependency);
    if (bump === undefined || version === undefined) return false;
    return !satisfies(inc(version, bump) ?? version, declaredRange(specifier, version));
  });
}

/** The range a specifier means once published: pnpm turns `workspace:^` into `^<version>`, `workspace:*` into the version. */
export function declaredRange(specifier: string, dependencyVersion: string): string {
  if (!specifier.startsWith('workspace:')) return specifier;
  const range = specifier.slice('workspace:'.length);
  if (range === '*') return dependencyVersion;
  if (range === '^' || range === '~') return `${range}${dependencyVersion}`;
  return range;
}

// changesets bumps the dependents of a peer dependency by a major; nothing here needs that, so
// rather than model it, say so when it appears.
function refusePeerDependenciesOnEachOther(
  packages: readonly Manifest[],
  names: ReadonlyMap<string, string>,
) {
  for (const manifest of packages) {
    const peer = Object.keys(manifest.peerDependencies ?? {}).find((name) => names.has(name));
    if (peer !== undefined) {
      throw new Error(
        `${manifest.name} has the workspace package ${peer} as a peer dependency; the release check ` +
          'does not model the major bumps changesets gives such dependents: extend expectedVersions first',
      );
    }
  }
}
