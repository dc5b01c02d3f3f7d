import { summaryReporters } from '@aether/test-summary/vitest';
import { defineConfig } from 'vitest/config';

// These tests start their own servers (restart and kill need a process they own), so they do not
// use NATS_URL.
export default defineConfig({
  test: {
    include: ['src/**/*.integration.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    ...summaryReporters(),
  },
});
