import { expect, it } from 'vitest';
import { newestRun } from './watch-run.js';

const at = (iso: string) => new Date(iso);

it("watch follows the newest run's stream, and no other stream, however new", () => {
  expect(
    newestRun([
      { name: 'aether-demo-mx7a0000-aaaa', created: at('2026-12-03T10:00:00Z'), messages: 9 },
      { name: 'aether-demo-mx7b0000-bbbb', created: at('2026-12-03T12:00:00Z'), messages: 200 },
      { name: 'KV_aether-demo-mx7c0000-cccc-snapshots', created: at('2026-12-03T13:00:00Z'), messages: 1 },
      { name: 'aether-demo-mine', created: at('2026-12-03T14:00:00Z'), messages: 1 },
      { name: 'orders', created: at('2026-12-03T15:00:00Z'), messages: 1 },
      { name: 'aether-demo-mx7a5000-dddd', created: at('2026-12-03T11:00:00Z'), messages: 9 },
    ]),
  ).toBe('mx7b0000-bbbb');
});

it('finds no run among streams that are not runs', () => {
  expect(newestRun([])).toBeUndefined();
  expect(newestRun([{ name: 'orders', created: at('2026-12-03T15:00:00Z'), messages: 1 }])).toBeUndefined();
});
