import { expect, it, vi } from 'vitest';
import { exampleOutputs } from './outputs.js';

it.each(Object.keys(exampleOutputs))('the %s example prints what the README shows', async (name) => {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  try {
    await import(`./${name}.js`);
  } finally {
    log.mockRestore();
  }
  expect(lines).toEqual(exampleOutputs[name]);
});
