import { readerFor, readmeBlock } from '@aether/doc-check';
import { expect, it } from 'vitest';
import { runDemo } from './test-support/run-demo.js';

const read = readerFor(import.meta.url);
const rootReadme = read('../../../README.md');
const demoReadme = read('../README.md');

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
