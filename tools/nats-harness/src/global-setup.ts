import { startNatsServer } from './start-nats-server.js';

/** The part of vitest's `TestProject` a global setup uses; typed here so this file needs no vitest import. */
export interface ProvidingProject {
  provide(key: 'natsUrl', value: string): void;
}

/**
 * Vitest `globalSetup`: uses `NATS_URL` when it is set, otherwise starts a `nats-server -js` on a
 * free loopback port with a temporary store directory and stops it (by process id) after the run.
 * Tests read the URL with `natsUrl()` from `@aether/nats-harness/vitest`.
 */
export default async function setup(project: ProvidingProject): Promise<(() => Promise<void>) | undefined> {
  const fromEnv = process.env.NATS_URL;
  if (fromEnv !== undefined && fromEnv !== '') {
    project.provide('natsUrl', fromEnv);
    return undefined;
  }
  const server = await startNatsServer({ jetstream: true });
  project.provide('natsUrl', server.url);
  return () => server.destroy();
}
