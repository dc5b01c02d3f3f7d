import { describeApiList, expectReadmeExample, readerFor } from '@aether/doc-check';
import { expect, it, vi } from 'vitest';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

const printed = [
  'cart-42 is at version 3',
  'Stale write rejected: attempted 2, current 3',
  'Cart after replaying 3 events: {"pear":1}',
  'Cart from the snapshot plus 1 newer event: {"pear":1,"fig":2}',
];

it('runs the README example and prints what it promises', async () => {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  try {
    await import('./quick-start.js');
  } finally {
    log.mockRestore();
  }
  expect(lines).toEqual(printed);
}, 30_000);

// The README shows this example as a user writes it: importing the package by its name instead
// of by the relative path the tested file uses. Nothing else may differ.
it('is the code block of the README', () => {
  expectReadmeExample({
    readme,
    source: read('./quick-start.ts'),
    packageName: '@aether/store-memory',
    region: false,
  });
});

it('shows in the README what it prints', () => {
  const block = /It prints:\n\n```text\n([\s\S]*?)\n```/.exec(readme);
  expect(block, 'the README has the output block').not.toBeNull();
  expect(block?.[1]).toBe(printed.join('\n'));
});

describeApiList({
  readme,
  indexSource: read('../index.ts'),
  packageName: '@aether/store-memory',
  samples: ['InMemoryEventStore'],
});
