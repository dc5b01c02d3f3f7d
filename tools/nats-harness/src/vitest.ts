import { afterAll, inject } from 'vitest';
import { dropStreams } from './drop-streams.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of the `nats-server -js` the integration tests use (from `NATS_URL` or the harness). */
    natsUrl: string;
  }
}

/** Inside a test: the URL of the server the global setup provided. */
export function natsUrl(): string {
  const url = inject('natsUrl');
  if (typeof url !== 'string' || url === '') {
    throw new Error(
      "no NATS URL was provided: add globalSetup: ['@aether/nats-harness/global-setup'] to the vitest config",
    );
  }
  return url;
}

/**
 * Call at the top of a test file whose tests open stores on the shared server: returns a function
 * that takes a store's stream name; after the file's tests that stream and the KV stream of the
 * store's snapshot bucket (`KV_<stream>-snapshots`) are deleted.
 */
export function dropStoreStreamsAfterAll(): (stream: string) => void {
  const streams: string[] = [];
  afterAll(async () => {
    await dropStreams(
      natsUrl(),
      streams.flatMap((name) => [name, `KV_${name}-snapshots`]),
    );
  });
  return (stream) => {
    streams.push(stream);
  };
}
