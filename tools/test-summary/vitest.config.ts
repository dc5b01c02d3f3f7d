import { defineConfig } from 'vitest/config';
import { summaryReporters } from './dist/vitest.js';

export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000, ...summaryReporters() },
});
