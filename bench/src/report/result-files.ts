import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GroupResult } from './results.js';

/** `results/<group>.json`: the latest figures of one group, kept so a partial run rebuilds the whole README. */
export function saveResult(dir: string, result: GroupResult): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${result.name}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

/** The saved results of the named groups, in that order, leaving out groups never run. */
export function loadResults(dir: string, names: readonly string[]): GroupResult[] {
  return names
    .map((name) => join(dir, `${name}.json`))
    .filter((path) => existsSync(path))
    .map((path) => JSON.parse(readFileSync(path, 'utf8')) as GroupResult);
}
