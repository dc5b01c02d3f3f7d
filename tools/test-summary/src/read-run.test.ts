import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFailures, readNewRunSummary, runSummaryFiles } from './read-run.js';
import { reportFileName } from './report-file.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'test-summary-'));
const summaryOf = (taskId: string, exitCode: number) =>
  JSON.stringify({ tasks: [{ taskId, execution: { exitCode } }] });

describe('readNewRunSummary', () => {
  it("reads the summary this run wrote, never an earlier run's", () => {
    const runsDir = join(scratch(), 'runs');
    mkdirSync(runsDir);
    writeFileSync(join(runsDir, 'earlier.json'), summaryOf('old#test', 1));
    const before = runSummaryFiles(runsDir);
    writeFileSync(join(runsDir, 'this-run.json'), summaryOf('new#test', 1));
    expect(readNewRunSummary(runsDir, before)).toEqual({ failed: ['new#test'], notRun: [] });
  });

  it('gives nothing when turbo wrote no summary, or when it cannot tell which one is new', () => {
    const runsDir = scratch();
    expect(readNewRunSummary(join(runsDir, 'missing'), new Set())).toBeUndefined();
    writeFileSync(join(runsDir, 'a.json'), summaryOf('a#test', 1));
    writeFileSync(join(runsDir, 'b.json'), summaryOf('b#test', 1));
    expect(readNewRunSummary(runsDir, new Set())).toBeUndefined();
  });
});

describe('readFailures', () => {
  it('reads every report in the directory under its task id, and skips other files', () => {
    const reportDir = scratch();
    const report = {
      testResults: [
        { name: '/repo/p/a.test.ts', status: 'failed', assertionResults: [{ title: 't', status: 'failed' }] },
      ],
    };
    writeFileSync(join(reportDir, reportFileName('@aether/p#test')), JSON.stringify(report));
    writeFileSync(join(reportDir, 'notes.txt'), 'not a report');
    expect(readFailures(reportDir, '/repo')).toEqual([
      { kind: 'test', taskId: '@aether/p#test', file: 'p/a.test.ts', name: 't' },
    ]);
  });
});
