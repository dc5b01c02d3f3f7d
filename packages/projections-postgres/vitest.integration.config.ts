import { natsIntegrationProject } from '@aether/nats-harness/vitest-config';

// Integration tests run against the real PostgreSQL (DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/test) and, for the tests that follow a JetStream store's log,
// a real nats-server: NATS_URL when set, otherwise one the harness starts on a free loopback port.
export default natsIntegrationProject();
