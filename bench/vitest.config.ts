import { summaryReporters } from '@aether/test-summary/vitest';
import { defineConfig } from 'vitest/config';

// Unit tests of the pure parts (stats, formatting, targets, arguments); timed measurements are the
// program itself, never tests.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // 5 s is not enough on a 2-core machine running other test runs (heavy tests set their own).
    testTimeout: 30_000,
    ...summaryReporters(),
  },
});
