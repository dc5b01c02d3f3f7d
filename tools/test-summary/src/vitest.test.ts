import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_DIR_ENV } from './report-file.js';
import { summaryReporters, unitTestConfig } from './vitest.js';

function packageDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'test-summary-package-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name }));
  return dir;
}

describe('summaryReporters', () => {
  it('changes nothing when the run was not started by the summary', () => {
    expect(summaryReporters({}, packageDir('@aether/core'))).toEqual({});
  });

  it("adds a JSON report named after the package and the script, in the run's directory", () => {
    const env = { [REPORT_DIR_ENV]: '/tmp/run-1', npm_lifecycle_event: 'test:integration' };
    expect(summaryReporters(env, packageDir('@aether/bus-nats'))).toEqual({
      reporters: [
        'default',
        ['json', { outputFile: '/tmp/run-1/%40aether%2Fbus-nats%23test%3Aintegration.json' }],
      ],
    });
  });
});

describe('unitTestConfig', () => {
  it('runs the unit tests only: integration tests and type tests have runners of their own', () => {
    const { test } = unitTestConfig();
    expect(test.include).toEqual(['src/**/*.test.ts']);
    expect(test.exclude).toEqual(['src/**/*.integration.test.ts', 'src/**/*.type.test.ts']);
    expect(test.testTimeout).toBe(30_000);
  });
});
