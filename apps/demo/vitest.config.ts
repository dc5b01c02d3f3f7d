import { summaryReporters } from '@aether/test-summary/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Several tests start the built demo as a process; a loaded 2-core machine needs more than 5 s.
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.integration.test.ts'],
    testTimeout: 20_000,
    ...summaryReporters(),
  },
});
