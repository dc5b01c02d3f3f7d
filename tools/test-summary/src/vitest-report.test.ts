import { describe, expect, it } from 'vitest';
import { failuresInReport } from './vitest-report.js';

const root = '/repo';
const report = {
  testResults: [
    {
      name: '/repo/packages/core/src/a.test.ts',
      status: 'failed',
      message: '',
      assertionResults: [
        { ancestorTitles: ['checkEventRecord'], title: 'accepts what core accepts', status: 'failed' },
        { ancestorTitles: ['checkEventRecord'], title: 'refuses junk', status: 'passed' },
        { ancestorTitles: [], title: 'top-level test', status: 'failed' },
        { ancestorTitles: ['skipped'], title: 'not run', status: 'skipped' },
      ],
    },
    { name: '/repo/packages/core/src/b.test.ts', status: 'passed', message: '', assertionResults: [] },
    {
      name: '/repo/packages/core/src/c.test.ts',
      status: 'failed',
      message: 'Cannot find module ./gone.js',
      assertionResults: [],
    },
  ],
};

describe('failuresInReport', () => {
  it('names every failed test by its file and its describe blocks and title, and nothing that passed', () => {
    expect(failuresInReport('@aether/core#test', report, root)).toEqual([
      {
        kind: 'test',
        taskId: '@aether/core#test',
        file: 'packages/core/src/a.test.ts',
        name: 'checkEventRecord > accepts what core accepts',
      },
      {
        kind: 'test',
        taskId: '@aether/core#test',
        file: 'packages/core/src/a.test.ts',
        name: 'top-level test',
      },
      {
        kind: 'file',
        taskId: '@aether/core#test',
        file: 'packages/core/src/c.test.ts',
        message: 'Cannot find module ./gone.js',
      },
    ]);
  });

  it('finds nothing in a report where everything passed', () => {
    expect(failuresInReport('x#test', { testResults: [report.testResults[1]] }, root)).toEqual([]);
  });

  it('refuses a file that is not a Vitest JSON report, naming the task', () => {
    expect(() => failuresInReport('@aether/core#test', { tasks: [] }, root)).toThrow(/@aether\/core#test/);
  });
});
