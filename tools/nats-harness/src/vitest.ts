import { inject } from 'vitest';

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
