import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { Manifest } from './workspace.js';

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** Every specifier `pnpm pack` should have replaced, as `field: name@specifier`. */
export function workspaceSpecifiers(manifest: Manifest): string[] {
  return DEPENDENCY_FIELDS.flatMap((field) =>
    Object.entries(manifest[field] ?? {})
      .filter(([, specifier]) => specifier.startsWith('workspace:'))
      .map(([name, specifier]) => `${field}: ${name}@${specifier}`),
  );
}

/** The files the `exports` map points at (every subpath and condition; `*` patterns left out) that are not in `files`. */
export function missingExportTargets(manifest: Manifest, files: readonly string[]): string[] {
  const shipped = new Set(files);
  return exportTargets(manifest.exports)
    .filter((target) => !target.includes('*'))
    .map((target) => posix.normalize(target))
    .filter((target) => !shipped.has(target));
}

function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (Array.isArray(exports)) return exports.flatMap(exportTargets);
  if (typeof exports === 'object' && exports !== null) return Object.values(exports).flatMap(exportTargets);
  return [];
}

const MAP_COMMENT = /\/\/# sourceMappingURL=(\S+)\s*$/;

/**
 * What is wrong with the source maps among `files` (relative to `dir`): a JavaScript file whose
 * `sourceMappingURL` names a map that is not shipped, or a map with a source that is neither
 * inline (`sourcesContent`) nor shipped. (Declarations keep their `sourceMappingURL` comment when
 * their maps are left out of the package; TypeScript then reads the `.d.ts` itself, as intended.)
 */
export async function sourceMapProblems(dir: string, files: readonly string[]): Promise<string[]> {
  const shipped = new Set(files);
  const problems: string[] = [];
  for (const file of files.filter((name) => /\.[cm]?js$/.test(name))) {
    const url = MAP_COMMENT.exec(await readFile(join(dir, file), 'utf8'))?.[1];
    if (url === undefined || url.startsWith('data:')) continue;
    const map = posix.join(posix.dirname(file), url);
    if (!shipped.has(map)) problems.push(`${file} points at ${map}, which is not in the package`);
  }
  for (const file of files.filter((name) => name.endsWith('.map'))) {
    const map = JSON.parse(await readFile(join(dir, file), 'utf8')) as {
      sourceRoot?: string;
      sources?: string[];
      sourcesContent?: Array<string | null>;
    };
    (map.sources ?? []).forEach((source, index) => {
      if (typeof map.sourcesContent?.[index] === 'string') return;
      const resolved = posix.join(posix.dirname(file), map.sourceRoot ?? '', source);
      if (!shipped.has(resolved))
        problems.push(`${file} maps to ${resolved}, neither inline nor in the package`);
    });
  }
  return problems;
}
