import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readmeBlock } from '@aether/doc-check';
import { expect } from 'vitest';
import { runCommand } from './run-command.js';

const EXAMPLE_END = '<!-- example:end -->';

/** The README's example: the ```ts block between `<!-- example:start -->` and `<!-- example:end -->`. */
export function readmeExample(readme: string): string {
  return readmeBlock(readme, 'example', 'ts');
}

/** What the README says its example prints (or returns): the first ```text block after it. */
export function readmeExampleOutput(readme: string): string {
  const shown = /```text\n([\s\S]*?)\n```/.exec(readme.slice(readme.indexOf(EXAMPLE_END)));
  expect(shown, `a \`\`\`text block after ${EXAMPLE_END}`).not.toBeNull();
  return (shown as RegExpExecArray)[1] as string;
}

const resolve = createRequire(import.meta.url).resolve;

/**
 * Compiles `source` as `example.ts` in `projectDir`, against the packages installed there, into
 * `dist/example.js`, with the strictness this workspace uses and `skipLibCheck` off, so the
 * shipped declarations are type-checked as a user's compiler reads them.
 */
export async function compileExample(projectDir: string, source: string): Promise<string> {
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
    types: ['node'],
    typeRoots: [dirname(dirname(resolve('@types/node/package.json')))],
    outDir: 'dist',
    rootDir: '.',
  };
  await writeFile(
    join(projectDir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, files: ['example.ts'] }),
  );
  await writeFile(join(projectDir, 'example.ts'), source);
  const tsc = join(dirname(resolve('typescript/package.json')), 'bin', 'tsc');
  await runCommand(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: projectDir });
  return join(projectDir, 'dist', 'example.js');
}
