import { readerFor, readmeBlock } from '@aether/doc-check';
import { expect, it } from 'vitest';
import { runDemo } from './test-support/run-demo.js';

const read = readerFor(import.meta.url);
const rootReadme = read('../../../README.md');
const demoReadme = read('../README.md');

/** The `// README:start` … `// README:end` region of `file`, as it is (its imports are the demo's own). */
function region(file: string): string {
  const source = read(file);
  const start = source.indexOf('// README:start');
  const end = source.indexOf('// README:end');
  expect(start, `${file} has a // README:start line`).toBeGreaterThanOrEqual(0);
  expect(end, `${file} has a // README:end line`).toBeGreaterThan(start);
  return source.slice(start + '// README:start'.length, end).trim();
}

it("shows as the root README's first code example the demo's decider, character for character", () => {
  expect(readmeBlock(rootReadme, 'example:decider', 'ts')).toBe(region('./order-decider.ts'));
  const firstCode = /```(\w+)\n/.exec(rootReadme);
  expect(firstCode?.[1]).toBe('ts');
  expect(rootReadme.indexOf('<!-- example:decider:start -->')).toBeLessThan(firstCode?.index ?? 0);
});

it("shows in the root README the decider's DeciderSpec tests, which this package runs", () => {
  expect(readmeBlock(rootReadme, 'example:decider-spec', 'ts')).toBe(region('./order-decider.test.ts'));
});

it('shows in the root README exactly what the demo prints', async () => {
  const { code, stdout } = await runDemo([]);
  expect(code).toBe(0);
  expect(`${readmeBlock(rootReadme, 'demo-output', 'text')}\n`).toBe(stdout);
});

it("shows in the demo's README exactly what --help prints", async () => {
  const { code, stdout } = await runDemo(['--help']);
  expect(code).toBe(0);
  expect(`${readmeBlock(demoReadme, 'usage', 'text')}\n`).toBe(stdout);
});

it("shows in the demo's README exactly how the demo refuses bad arguments", async () => {
  // `$ node apps/demo/dist/main.js <args>` and the line it prints; those with "(see --help)"
  // need no server, so they are run here.
  const examples = [
    ...demoReadme.matchAll(/^\$ node apps\/demo\/dist\/main\.js (.*)\n(aether-demo: .*)$/gm),
  ].filter(([, , output]) => output?.endsWith('(see --help)'));
  expect(examples.length).toBeGreaterThanOrEqual(4);
  for (const [, args = '', output] of examples) {
    const { code, stderr } = await runDemo(args.split(' '));
    expect(code).toBe(2);
    expect(stderr).toBe(`${output}\n`);
  }
});
