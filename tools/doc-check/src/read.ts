import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A reader of UTF-8 files by path relative to `base` (pass `import.meta.url`). */
export function readerFor(base: string | URL): (path: string) => string {
  return (path) => readFileSync(new URL(path, base), 'utf8');
}

/**
 * The README of another package, found the way the caller imports it (pass `import.meta.url`):
 * through the `package.json` every package exports, so the caller names it as a dependency rather
 * than as a folder of this repository.
 */
export function readmeOf(packageName: string, from: string | URL): string {
  const manifest = createRequire(from).resolve(`${packageName}/package.json`);
  return readFileSync(join(dirname(manifest), 'README.md'), 'utf8');
}
