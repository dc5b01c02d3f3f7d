import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { mainScript, runDemo } from './test-support/run-demo.js';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

it('shows in the root README exactly what the demo prints', async () => {
  const block = /<!-- demo-output:start -->\n```text\n([\s\S]*?)```\n<!-- demo-output:end -->/.exec(readme);
  expect(block, 'the README has a demo-output block').not.toBeNull();
  const { stdout } = await promisify(execFile)(process.execPath, [mainScript]);
  expect(block?.[1]).toBe(stdout);
});

it('shows in the root README exactly how the demo refuses bad arguments', async () => {
  // `$ node apps/demo/dist/main.js <args>` and the line it prints; those with "(see --help)"
  // need no server, so they are run here.
  const examples = [
    ...readme.matchAll(/^\$ node apps\/demo\/dist\/main\.js (.*)\n(aether-demo: .*)$/gm),
  ].filter(([, , output]) => output?.endsWith('(see --help)'));
  expect(examples.length).toBeGreaterThanOrEqual(2);
  for (const [, args = '', output] of examples) {
    const { code, stderr } = await runDemo(args.split(' '));
    expect(code).toBe(2);
    expect(stderr).toBe(`${output}\n`);
  }
});
