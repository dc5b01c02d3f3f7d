import { type BenchGroup, SkipGroup } from '../model.js';
import type { CaseResult, GroupResult } from '../report/results.js';
import { describeMachine } from './machine.js';
import { progress } from './progress.js';
import { runCase } from './run-case.js';

/** Opens a group, runs its cases in order and closes it; `undefined` when the group is skipped here. */
export async function runGroup(group: BenchGroup): Promise<GroupResult | undefined> {
  const startedAt = new Date();
  const started = performance.now();
  let opened: Awaited<ReturnType<BenchGroup['open']>>;
  try {
    opened = await group.open();
  } catch (error) {
    if (!(error instanceof SkipGroup)) throw error;
    progress.skipped(group.title, error.message);
    return undefined;
  }
  const cases: CaseResult[] = [];
  try {
    progress.group(group.title, opened.cases.length);
    for (const [index, benchCase] of opened.cases.entries()) {
      progress.case(index + 1, opened.cases.length, benchCase);
      cases.push(await runCase(group.name, benchCase));
    }
  } finally {
    await opened.close?.();
  }
  return {
    name: group.name,
    title: group.title,
    notes: group.notes,
    machine: describeMachine(),
    startedAt: startedAt.toISOString(),
    seconds: (performance.now() - started) / 1000,
    cases,
  };
}
