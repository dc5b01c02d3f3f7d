import { readFileSync } from 'node:fs';

/** The exact version bench/package.json pins for a peer, so column headers name what was measured. */
export function pinnedVersion(packageName: string): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    devDependencies?: Record<string, string>;
    dependencies?: Record<string, string>;
  };
  const version = manifest.devDependencies?.[packageName] ?? manifest.dependencies?.[packageName];
  if (version === undefined) throw new Error(`bench/package.json does not depend on ${packageName}`);
  return version;
}
