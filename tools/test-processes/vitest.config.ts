import { summaryReporters } from '@aether/test-summary/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.integration.test.ts'],
    // Its tests start real processes: 5 s is not enough on a busy 2-core machine.
    testTimeout: 30_000,
    ...summaryReporters(),
  },
});
