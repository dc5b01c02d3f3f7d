import { summaryReporters } from '@aether/test-summary/vitest';
import { defineConfig } from 'vitest/config';

// Integration tests run the built demo against a real nats-server: NATS_URL when set, otherwise
// one the harness starts on a free loopback port with a temporary store directory. Every test
// starts demo processes: on a busy 2-core machine one took 27 s, so each gets 120 s.
export default defineConfig({
  test: {
    include: ['src/**/*.integration.test.ts'],
    globalSetup: ['@aether/nats-harness/global-setup'],
    testTimeout: 120_000,
    hookTimeout: 30_000,
    ...summaryReporters(),
  },
});
