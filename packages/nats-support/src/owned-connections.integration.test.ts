import { natsUrl } from '@aether/nats-harness/vitest';
import { describe, expect, it } from 'vitest';
import { ownedConnections } from './owned-connections.js';

describe('ownedConnections', () => {
  it("owns the connections it made and no other, not even another package's", async () => {
    const bus = ownedConnections();
    const store = ownedConnections();
    const nc = await bus.connect({ servers: natsUrl() });
    try {
      expect(bus.isOwned(nc)).toBe(true);
      expect(store.isOwned(nc)).toBe(false);
    } finally {
      await nc.close();
    }
  });
});
