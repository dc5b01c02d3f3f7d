import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { dropStreams } from './drop-streams.js';
import { startNatsServer } from './start-nats-server.js';

describe('dropStreams', () => {
  it('deletes the streams named, and passes over those that do not exist', async () => {
    const server = await startNatsServer();
    afterAll(() => server.destroy());
    const nc = await connect({ servers: server.url });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: 'KEEP', subjects: ['keep.>'] });
      await jsm.streams.add({ name: 'DROP', subjects: ['drop.>'] });
      await dropStreams(server.url, ['DROP', 'NEVER-CREATED']);
      const names = await jsm.streams.names().next();
      expect(names).toEqual(['KEEP']);
    } finally {
      await nc.close();
    }
  });
});
