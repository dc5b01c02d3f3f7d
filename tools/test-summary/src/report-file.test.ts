import { describe, expect, it } from 'vitest';
import { reportFileName, taskOfReportFile } from './report-file.js';

describe('report file names', () => {
  it('read back the task id they were made from, scope, slash, hash and colon included', () => {
    for (const taskId of ['@aether/core#test', '@aether/store-jetstream#test:integration', 'demo#test']) {
      const fileName = reportFileName(taskId);
      expect(fileName).not.toMatch(/[/\\]/);
      expect(taskOfReportFile(fileName)).toBe(taskId);
    }
  });

  it('ignore files that are not JSON reports', () => {
    expect(taskOfReportFile('notes.txt')).toBeUndefined();
  });
});
