import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));
const mainScript = fileURLToPath(new URL('../dist/main.js', import.meta.url));

it('shows in the root README exactly what the demo prints', async () => {
  const block = /<!-- demo-output:start -->\n```text\n([\s\S]*?)```\n<!-- demo-output:end -->/.exec(
    readFileSync(readme, 'utf8'),
  );
  expect(block, 'the README has a demo-output block').not.toBeNull();
  const { stdout } = await promisify(execFile)(process.execPath, [mainScript]);
  expect(block?.[1]).toBe(stdout);
});
