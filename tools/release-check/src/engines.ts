import { satisfies, subset } from 'semver';
import { dependencyClosure, type InstalledPackage } from './installed-packages.js';

// npm's own check (npm-install-checks) accepts pre-releases of a satisfying version.
const NPM_RANGE_OPTIONS = { includePrerelease: true };

/** `name@version` of every installed package whose `engines.node` refuses `nodeVersion`: what npm warns about. */
export function packagesRefusing(nodeVersion: string, installed: readonly InstalledPackage[]): string[] {
  const refusing = installed
    .filter(({ manifest }) => {
      const range = manifest.engines?.node;
      return range !== undefined && !satisfies(nodeVersion, range, NPM_RANGE_OPTIONS);
    })
    .map(({ name, version }) => `${name}@${version}`);
  return [...new Set(refusing)].sort();
}

/**
 * For each of `ours`: the packages it loads whose `engines.node` accepts fewer Node versions than
 * it declares, so that a user on a Node it supports would still see npm's EBADENGINE warning.
 */
export function narrowerEngines(
  ours: readonly InstalledPackage[],
  installed: readonly InstalledPackage[],
): string[] {
  return ours.flatMap((pkg) => {
    const declared = pkg.manifest.engines?.node;
    if (declared === undefined) return [`${pkg.name} declares no engines.node`];
    return dependencyClosure(pkg, installed)
      .filter(({ manifest }) => {
        const range = manifest.engines?.node;
        return range !== undefined && !subset(declared, range, NPM_RANGE_OPTIONS);
      })
      .map(
        (dependency) =>
          `${pkg.name} supports Node ${declared}, but ${dependency.name}@${dependency.version} only ${dependency.manifest.engines?.node}`,
      );
  });
}
