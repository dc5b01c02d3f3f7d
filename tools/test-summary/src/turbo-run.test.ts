import { describe, expect, it } from 'vitest';
import { taskOutcomes } from './turbo-run.js';

describe('taskOutcomes', () => {
  it('lists the tasks that exited non-zero and the tasks that never ran, not the ones that passed', () => {
    const summary = {
      tasks: [
        { taskId: 'b#test', execution: { exitCode: 1 } },
        { taskId: 'a#build', execution: { exitCode: 0 } },
        { taskId: 'a#typecheck', execution: { exitCode: 2 } },
        { taskId: 'c#test' },
        { taskId: 'd#test', execution: null },
      ],
    };
    expect(taskOutcomes(summary)).toEqual({
      failed: ['a#typecheck', 'b#test'],
      notRun: ['c#test', 'd#test'],
    });
  });

  it('refuses a summary without a task list', () => {
    expect(() => taskOutcomes({})).toThrow(/no task list/);
  });
});
