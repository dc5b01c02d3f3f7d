import { describe, expect, it } from 'vitest';
import type { CaseResult, GroupResult } from './results.js';
import { groupTable } from './table.js';

const plan = { warmups: 1, repetitions: 3, maxSeconds: 1, warmupSeconds: 0.3 };
const caseResult = (overrides: Partial<CaseResult>): CaseResult => ({
  id: 'append',
  title: '100,000 appends',
  short: 'appends',
  metric: { unit: 'events/s', better: 'higher' },
  plan,
  subject: { name: 'Aether', median: 2000, values: [2000] },
  baselines: [{ name: 'Emmett', median: 1000, values: [1000] }],
  targets: [],
  ...overrides,
});
const group = (cases: readonly CaseResult[]): GroupResult => ({
  name: 'in-memory',
  title: 'In-memory',
  notes: [],
  machine: { cpu: 'CPU', cores: 2, memoryGiB: 4, node: 'v20', os: 'Linux' },
  startedAt: '2026-12-03T15:16:02.000Z',
  seconds: 50,
  cases,
});

describe('groupTable', () => {
  it('has a column per contender, a ratio per baseline and the targets', () => {
    const table = groupTable(
      group([caseResult({ targets: [{ label: '≥ 1,000 events/s', met: true }] })]),
      (r) => r.title,
    );
    expect(table.header).toEqual(['case', 'Aether', 'Emmett', 'Aether / Emmett', 'target']);
    expect(table.rows).toEqual([
      ['100,000 appends — events/s, higher is better', '2,000', '1,000', '2×', '≥ 1,000 events/s: met'],
    ]);
    expect(table.numeric).toEqual([false, true, true, true, false]);
  });

  it('shows a dash where a case lacks a baseline another case has', () => {
    const other = caseResult({ id: 'read', baselines: [{ name: 'Castore', median: 500, values: [500] }] });
    const table = groupTable(group([caseResult({}), other]), (r) => r.id);
    expect(table.header).toEqual([
      'case',
      'Aether',
      'Emmett',
      'Castore',
      'Aether / Emmett',
      'Aether / Castore',
      'target',
    ]);
    expect(table.rows[1]).toEqual(['read — events/s, higher is better', '2,000', '—', '500', '—', '4×', '—']);
  });

  it('footnotes a capped run with how far it got, and a failed contender with its error', () => {
    const capped = caseResult({
      subject: { name: 'Aether', values: [], error: 'connection refused' },
      baselines: [
        {
          name: 'Emmett',
          median: 15_000,
          values: [15_000, 15_000, 15_000],
          capped: { runs: 3, minDone: 15_040, maxDone: 15_424, planned: 100_000 },
        },
      ],
    });
    const table = groupTable(group([capped]), (r) => r.short);
    expect(table.rows[0]?.slice(1, 4)).toEqual(['failed¹', '15,000²', '—']);
    expect(table.footnotes).toEqual([
      'Aether, appends: connection refused',
      "Emmett, appends: all 3 measured runs stopped at the 1 s cap, after 15,040–15,424 of 100,000; each run's figure is its rate over what it did, not over 100,000.",
    ]);
  });

  it('says whether each target was met, missed or unknown', () => {
    const targets = [
      { label: 'a', met: true },
      { label: 'b', met: false },
      { label: 'c', met: undefined },
    ];
    const table = groupTable(group([caseResult({ targets })]), (r) => r.id);
    expect(table.rows[0]?.at(-1)).toBe('a: met; b: NOT met; c: unknown');
  });
});
