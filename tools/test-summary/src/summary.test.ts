import { describe, expect, it } from 'vitest';
import { formatSummary } from './summary.js';
import type { Failure } from './vitest-report.js';

const failing: Failure = {
  kind: 'test',
  taskId: 'core#test',
  file: 'packages/core/src/a.test.ts',
  name: 'a > b',
};

describe('formatSummary', () => {
  it('says only that nothing failed when nothing did', () => {
    const lines = formatSummary({ failures: [], tasks: { failed: [], notRun: [] }, exitCode: 0 });
    expect(lines).toEqual(['Test summary: nothing failed.']);
  });

  it('names each failing test by file and full name, and a failed task only when no test explains it', () => {
    const lines = formatSummary({
      failures: [
        failing,
        { kind: 'file', taskId: 'bus#test', file: 'packages/bus/src/c.test.ts', message: 'boom\nstack' },
      ],
      tasks: { failed: ['bus#test', 'core#test', 'core#typecheck'], notRun: ['demo#test'] },
      exitCode: 1,
    });
    expect(lines).toEqual([
      'Test summary: 2 failing, 1 failed task(s) without a failing test',
      '  FAIL packages/bus/src/c.test.ts (the file did not run: boom)',
      '  FAIL packages/core/src/a.test.ts > a > b',
      '  FAIL task core#typecheck (no test names the failure: read its output above)',
      '  (1 task(s) did not run because a task they need failed)',
    ]);
  });

  it('still says the run failed when the command failed and neither reports nor turbo say why', () => {
    const lines = formatSummary({ failures: [], tasks: undefined, exitCode: 3 });
    expect(lines).toEqual([
      'Test summary: 0 failing, 0 failed task(s) without a failing test',
      '  the command exited with code 3 (read its output above)',
    ]);
  });
});
