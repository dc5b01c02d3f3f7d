import { relative } from 'node:path';

/** What made a task fail: a named test, or a whole test file that could not run. */
export type Failure =
  | { kind: 'test'; taskId: string; file: string; name: string }
  | { kind: 'file'; taskId: string; file: string; message: string };

interface JsonAssertion {
  ancestorTitles?: string[];
  title?: string;
  status?: string;
}

interface JsonFileResult {
  name?: string;
  status?: string;
  message?: string;
  assertionResults?: JsonAssertion[];
}

/**
 * The failures in one Vitest JSON report: every failed test, by its file (relative to `root`) and its
 * full name (its describe blocks and title joined with " > "), and every failed file without a failed
 * test (an import error, a failing beforeAll), with Vitest's message.
 */
export function failuresInReport(taskId: string, report: unknown, root: string): Failure[] {
  const files = (report as { testResults?: JsonFileResult[] } | null)?.testResults;
  if (!Array.isArray(files)) throw new Error(`the report of ${taskId} is not a Vitest JSON report`);
  return files.flatMap((result): Failure[] => {
    const file = relative(root, result.name ?? '(unnamed file)');
    const failed = (result.assertionResults ?? []).filter((test) => test.status === 'failed');
    if (failed.length === 0) {
      if (result.status !== 'failed') return [];
      return [{ kind: 'file', taskId, file, message: result.message || 'the file failed' }];
    }
    return failed.map(
      (test) =>
        ({
          kind: 'test',
          taskId,
          file,
          name: [...(test.ancestorTitles ?? []), test.title ?? ''].join(' > '),
        }) as const,
    );
  });
}
