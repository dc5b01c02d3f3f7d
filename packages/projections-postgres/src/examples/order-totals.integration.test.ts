import { expectReadmeOutput, readerFor } from '@aether/doc-check';
import { expect, it, vi } from 'vitest';
import { testDatabase } from '../test-support/database.js';
import { main } from './order-totals.js';

const { pool, schema } = testDatabase('readme');

const printed = [
  'order_totals: [{"order_id":"order-1","items":3,"total":45}]',
  'status: {"state":"live","position":3,"lagEvents":0}',
];

it('runs the README example against PostgreSQL and prints what the README shows', async () => {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  try {
    await main(pool, schema);
  } finally {
    log.mockRestore();
  }
  expect(lines).toEqual(printed);
  expectReadmeOutput(readerFor(import.meta.url)('../../README.md'), 'example-output', printed);
  // The checkpoint committed with the rows: position 3, in the schema the example chose.
  const { rows } = await pool.query(`SELECT projection, position FROM "${schema}".aether_checkpoints`);
  expect(rows).toEqual([{ projection: 'order-totals', position: '3' }]);
});
