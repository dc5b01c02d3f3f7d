import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InlineConfig } from 'vitest/node';
import { REPORT_DIR_ENV, reportFileName } from './report-file.js';

/**
 * The reporters of a package's Vitest config (spread it into `test`): Vitest's default one, plus,
 * when the run was started by the summary (`AETHER_TEST_REPORT_DIR` set), a JSON report in that
 * run's own directory, named after the package and the script (`@aether/core#test`), so the
 * summary can name every failing test. Without the variable it changes nothing.
 */
export function summaryReporters(
  env: NodeJS.ProcessEnv = process.env,
  packageDir: string = process.cwd(),
): Pick<InlineConfig, 'reporters'> {
  const reportDir = env[REPORT_DIR_ENV];
  if (!reportDir) return {};
  const { name } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string };
  // pnpm names the script it runs (`test`, `test:integration`): the same words as turbo's task id.
  const script = env.npm_lifecycle_event ?? 'vitest';
  const outputFile = join(reportDir, reportFileName(`${name}#${script}`));
  return { reporters: ['default', ['json', { outputFile }]] };
}

/**
 * The Vitest config of a package's unit tests: every `src/**\/*.test.ts` except integration tests
 * (`*.integration.test.ts`, run by their own config against real services) and type tests
 * (`*.type.test.ts`, checked by `tsc`), with the summary's reporters.
 */
export function unitTestConfig(): { test: InlineConfig } {
  return {
    test: {
      include: ['src/**/*.test.ts'],
      exclude: ['src/**/*.integration.test.ts', 'src/**/*.type.test.ts'],
      // 5 s is not enough on a 2-core machine running other test runs (heavy tests set their own).
      testTimeout: 30_000,
      ...summaryReporters(),
    },
  };
}
