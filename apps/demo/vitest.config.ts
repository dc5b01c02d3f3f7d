import { summaryReporters } from '@aether/test-summary/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Several tests start the built demo as a process: on a 2-core machine running two or three whole
  // test runs one took 7-32 s, so they get 120 s.
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.integration.test.ts'],
    testTimeout: 120_000,
    ...summaryReporters(),
  },
});
