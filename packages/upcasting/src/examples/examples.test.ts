import { describeApiList, expectReadmeExample, expectReadmeOutput, readerFor } from '@aether/doc-check';
import { expect, it, vi } from 'vitest';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

async function printedBy(example: string): Promise<string[]> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  try {
    await import(example);
  } finally {
    log.mockRestore();
  }
  return lines;
}

const quickStart = [
  'v1 {"customer":{"name":"Ada"},"currency":"EUR"} {"schemaVersion":"3"}',
  'v2 {"customer":{"name":"Ada"},"currency":"USD"} {"schemaVersion":"3"}',
  'v3 {"sku":"tea","quantity":2} {}',
  'v4 {"customer":{"name":"Grace"},"currency":"GBP"} {"schemaVersion":"3"}',
  'order-7: {"items":2,"customer":"Grace"} at version 4',
  '4 events read, 1 reported: REPLAY_ERROR',
];

it('runs the quick start and prints what the README shows', async () => {
  expect(await printedBy('./quick-start.js')).toEqual(quickStart);
  expectReadmeOutput(readme, 'quick-start-output', quickStart);
});

it('is the quick start of the README', () => {
  expectReadmeExample({
    readme,
    source: read('./quick-start.ts'),
    packageName: '@aether/upcasting',
    block: 'quick-start',
    region: false,
  });
});

const commands = [
  'euros: 100 at version 2',
  'stored v1: {"amount":70} schemaVersion (none: 1)',
  'stored v2: {"amount":30,"currency":"EUR"} schemaVersion 2',
  'snapshot: {"euros":100}',
];

it('runs the handleCommand example and prints what the README shows', async () => {
  expect(await printedBy('./commands.js')).toEqual(commands);
  expectReadmeOutput(readme, 'commands-output', commands);
});

it('is the handleCommand example of the README', () => {
  expectReadmeExample({
    readme,
    source: read('./commands.ts'),
    packageName: '@aether/upcasting',
    block: 'commands',
    region: false,
  });
});

describeApiList({
  readme,
  indexSource: read('../index.ts'),
  packageName: '@aether/upcasting',
  samples: ['withUpcasting', 'UpcastingOptions'],
});
