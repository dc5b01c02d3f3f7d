import { expect } from 'vitest';
import { runDemo } from './run-demo.js';

/** The log a `--nats` story run leaves: 11 events at 10 positions (the last two saved together). */
export const storyLog = [
  '#1    OrderPlaced  order-1001 v1 {"customer":"Ada Lovelace"}',
  '#2    ItemAdded    order-1001 v2 {"sku":"TEA-EARL-GREY","quantity":2,"priceCents":450}',
  '#3    ItemAdded    order-1001 v3 {"sku":"SCONE","quantity":1,"priceCents":300}',
  '#4    OrderShipped order-1001 v4 {"carrier":"Royal Mail"}',
  '#5    OrderPlaced  order-1002 v1 {"customer":"Grace Hopper"}',
  // #6 to #9: the clerks' items, in the order their race decided.
  /^#6 {4}ItemAdded {4}order-1002 v2 /,
  /^#7 {4}ItemAdded {4}order-1002 v3 /,
  /^#8 {4}ItemAdded {4}order-1002 v4 /,
  /^#9 {4}ItemAdded {4}order-1002 v5 /,
  '#10   ItemAdded    order-1002 v6 {"sku":"GIFT-BOX","quantity":1,"priceCents":300}',
  '#10   OrderShipped order-1002 v7 {"carrier":"Royal Mail"}',
] as const;

/** Checks `lines` against entries of `storyLog`, exact strings exactly, patterns by matching. */
export function expectStoryLines(lines: readonly string[], expected: ReadonlyArray<string | RegExp>): void {
  expect(lines).toHaveLength(expected.length);
  expected.forEach((line, index) => {
    if (typeof line === 'string') expect(lines[index]).toBe(line);
    else expect(lines[index]).toMatch(line);
  });
}

/** Tells the story on `url` (a run of its own) and returns its run id. */
export async function storyRun(url: string): Promise<string> {
  const { code, stdout, stderr } = await runDemo(['--nats', url]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const runId = /^Run ([a-z0-9]+-[a-z0-9]{4}): /m.exec(stdout)?.[1];
  if (runId === undefined) throw new Error(`no run id in:\n${stdout}`);
  return runId;
}
