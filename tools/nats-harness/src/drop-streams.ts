import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/**
 * Deletes JetStream streams on the server at `natsUrl`, on a connection of its own; a stream that
 * does not exist is no error. (Deleting a whole stream is allowed even where deleting messages is not.)
 */
export async function dropStreams(natsUrl: string, streams: readonly string[]): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    for (const stream of streams) await jsm.streams.delete(stream).catch(() => undefined);
  } finally {
    await nc.close();
  }
}
