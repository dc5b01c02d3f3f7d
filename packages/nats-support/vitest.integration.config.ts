import { natsIntegrationProject } from '@aether/nats-harness/vitest-config';

// Integration tests run against a real nats-server: NATS_URL when set, otherwise one the harness
// starts on a free loopback port with a temporary store directory (and stops after the run).
export default natsIntegrationProject();
