import { expectReadmeExample, expectReadmeOutput, readerFor } from '@aether/doc-check';
import { expect, it, vi } from 'vitest';

const read = readerFor(import.meta.url);
const readme = read('../../README.md');

const printed = [
  '1: OrderPlaced order-1 v1',
  '1: ItemAdded order-1 v2',
  '2: OrderPlaced order-2 v1',
  'seen 1: order-1',
  // caughtUp resolves as the last event up to the head is handed out, before the loop prints it.
  'caught up at 2',
  'seen 2: order-2',
  'seen 3: order-3',
];

it('runs the log example of the README and prints what it shows', async () => {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  try {
    await import('./log.js');
  } finally {
    log.mockRestore();
  }
  expect(lines).toEqual(printed);
}, 30_000);

it('is the log example of the README', () => {
  expectReadmeExample({
    readme,
    source: read('./log.ts'),
    packageName: '@aether/store-memory',
    block: 'log-example',
    region: false,
  });
  expectReadmeOutput(readme, 'log-output', printed);
});
