import { summaryReporters } from '@aether/test-summary/vitest';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * The vitest config of a package's integration tests (the `*.integration.test.ts` files under `src`)
 * against a real nats-server: NATS_URL when set, otherwise one the harness starts on a free loopback port with
 * a temporary store directory (and stops after the run). Its JSON report feeds the test summary.
 */
export function natsIntegrationProject(): ViteUserConfig {
  return defineConfig({
    test: {
      include: ['src/**/*.integration.test.ts'],
      globalSetup: ['@aether/nats-harness/global-setup'],
      testTimeout: 30_000,
      // Hooks start servers and 3-node clusters, which a busy 2-core machine makes slow.
      hookTimeout: 120_000,
      ...summaryReporters(),
    },
  });
}
