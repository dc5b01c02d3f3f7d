import { expect } from 'vitest';
import { between, readmeBlock } from './markers.js';

/** How a tested example imports its package; the README shows the package name instead. */
const RELATIVE_IMPORT = "from '../index.js'";

export interface ReadmeExampleOptions {
  /** The README's text. */
  readme: string;
  /** The example file's text. */
  source: string;
  /** The name the README imports the package by, e.g. `@aether/core`. */
  packageName: string;
  /** The README block `<!-- block:start -->` … `<!-- block:end -->`; `example` by default. */
  block?: string;
  /**
   * `true` (the default): the README shows the part of `source` between `// README:start` and
   * `// README:end`; `false`: the whole file.
   */
  region?: boolean;
}

/**
 * Expects the README's ```ts block to be the example file, with its relative import of the package
 * (`from '../index.js'`) read as the package name. Nothing else may differ.
 */
export function expectReadmeExample(options: ReadmeExampleOptions): void {
  const { readme, source, packageName, block = 'example', region = true } = options;
  const fromFile = region ? between(source, '// README:start', '// README:end') : source.trim();
  expect(fromFile).toContain(RELATIVE_IMPORT);
  const shown = readmeBlock(readme, block, 'ts');
  expect(shown).toBe(fromFile.replaceAll(RELATIVE_IMPORT, `from '${packageName}'`));
}

/** Expects the README's ```text block `<!-- block:start -->` … `<!-- block:end -->` to be `lines`. */
export function expectReadmeOutput(readme: string, block: string, lines: readonly string[]): void {
  expect(readmeBlock(readme, block, 'text')).toBe(lines.join('\n'));
}
