import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InstalledPackage } from './installed-packages.js';
import { runCommand } from './run-command.js';

/** `name` plus each subpath its `exports` map offers (`./package.json` and `*` patterns left out). */
export function entrySpecifiers(pkg: InstalledPackage): string[] {
  const { exports } = pkg.manifest;
  const subpaths =
    typeof exports === 'object' &&
    exports !== null &&
    Object.keys(exports).every((key) => key.startsWith('.'))
      ? Object.keys(exports)
      : ['.'];
  return subpaths
    .filter((subpath) => subpath !== './package.json' && !subpath.includes('*'))
    .map((subpath) => (subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`));
}

/**
 * Loads every specifier in a fresh `node` in `projectDir`, with `import()` and with `require()`
 * (CommonJS loading ES modules, which Node supports from 20.19 and 22.12): rejects with node's
 * output when one fails.
 */
export async function loadEverywhere(projectDir: string, specifiers: readonly string[]): Promise<void> {
  const script = [
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    `for (const specifier of ${JSON.stringify(specifiers)}) {`,
    '  const imported = await import(specifier);',
    '  const required = require(specifier);',
    '  if (Object.keys(imported).join() !== Object.keys(required).join()) {',
    "    throw new Error(specifier + ': import() and require() give different exports');",
    '  }',
    '}',
  ].join('\n');
  await writeFile(join(projectDir, 'load-entries.mjs'), `${script}\n`);
  await runCommand(process.execPath, ['load-entries.mjs'], { cwd: projectDir });
}
