import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { dropStreams } from './drop-streams.js';
import { startNatsServer } from './start-nats-server.js';

describe('dropStreams', () => {
  it('deletes the streams named, and passes over those that do not exist', async () => {
    // Destroyed in `finally`: an `afterAll` registered inside a test never runs, and left the
    // server's directory behind in the temp folder.
    const server = await startNatsServer();
    const nc = await connect({ servers: server.url }).catch(async (error: unknown) => {
      await server.destroy();
      throw error;
    });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: 'KEEP', subjects: ['keep.>'] });
      await jsm.streams.add({ name: 'DROP', subjects: ['drop.>'] });
      await dropStreams(server.url, ['DROP', 'NEVER-CREATED']);
      const names = await jsm.streams.names().next();
      expect(names).toEqual(['KEEP']);
    } finally {
      await nc.close();
      await server.destroy();
    }
  });
});
