import { defineProject } from 'vitest/config';

// These tests start their own servers (restart and kill need a process they own), so they do not
// use NATS_URL.
export default defineProject({
  test: { include: ['src/**/*.integration.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
