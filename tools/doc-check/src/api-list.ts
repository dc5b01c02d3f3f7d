import { describe, expect, it } from 'vitest';
import { between } from './markers.js';

/** The names `index.ts` exports with `export { … }` and `export type { … }`. */
export function exportedNames(indexSource: string): Set<string> {
  return new Set(
    [...indexSource.matchAll(/export(?: type)? \{([^}]*)\}/g)].flatMap((match) =>
      (match[1] as string)
        .split(',')
        .map((name) => name.replace(/^\s*type\s+/, '').trim())
        .filter((name) => name.length > 0),
    ),
  );
}

/**
 * The names listed (``- `name` …``) between `<!-- <marker>:start -->` and `<!-- <marker>:end -->`
 * (`api` by default: a package with a second entry point lists that one under another marker).
 */
export function documentedNames(readme: string, marker = 'api'): Set<string> {
  return new Set(
    [
      ...between(readme, `<!-- ${marker}:start -->`, `<!-- ${marker}:end -->`).matchAll(
        /^- `([A-Za-z_][A-Za-z0-9_]*)/gm,
      ),
    ].map((match) => match[1] as string),
  );
}

export interface ApiListOptions {
  readme: string;
  indexSource: string;
  /** The package's name, as the test names show it. */
  packageName: string;
  /** Names `index.ts` is known to export: proof that the exports were read at all. */
  samples: readonly string[];
  /** The README markers around the list: `api` (the default) for the main entry. */
  marker?: string;
  /** The entry point, as the test names show it: the package's name by default. */
  entryName?: string;
}

/** Tests that the README's API list names every export of `index.ts`, and nothing else. */
export function describeApiList(options: ApiListOptions): void {
  const entry = options.entryName ?? options.packageName;
  describe(`README API list of ${entry}`, () => {
    const exported = exportedNames(options.indexSource);
    const documented = documentedNames(options.readme, options.marker);

    it('reads the exports of index.ts', () => {
      for (const name of options.samples) expect(exported.has(name)).toBe(true);
    });

    it(`documents every export of ${entry}`, () => {
      expect([...exported].filter((name) => !documented.has(name))).toEqual([]);
    });

    it('documents nothing that is not exported', () => {
      expect([...documented].filter((name) => !exported.has(name))).toEqual([]);
    });
  });
}
