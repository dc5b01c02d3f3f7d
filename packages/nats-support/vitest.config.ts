import { summaryReporters } from '@aether/test-summary/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.integration.test.ts', 'src/**/*.type.test.ts'],
    // 5 s is not enough on a 2-core machine running other test runs (heavy tests set their own).
    testTimeout: 30_000,
    ...summaryReporters(),
  },
});
