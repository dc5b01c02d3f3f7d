import { type NatsBusError, NatsEventBus } from '@aether/bus-nats';
import { isJetStreamStoreError, JetStreamEventStore } from '@aether/store-jetstream';
import { type JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DemoError, oneLine } from './demo-error.js';
import { CONNECT_TIMEOUT_MS } from './limits.js';
import type { NatsServer } from './nats-url.js';
import { BUS_SUBJECT_PREFIX } from './run-names.js';

// Fail fast at startup: nats.js tries the server once (no reconnect loop before the first
// connection) and gives up after CONNECT_TIMEOUT_MS when nothing answers.
const connection = { timeout: CONNECT_TIMEOUT_MS, name: 'aether-demo' };

/** Opens the run's JetStream store (creating its stream), or fails with one clear line. */
export async function connectStore(server: NatsServer, streamName: string): Promise<JetStreamEventStore> {
  try {
    return await JetStreamEventStore.connect({ servers: server.url, storeName: streamName, connection });
  } catch (error) {
    throw connectFailure(error, server);
  }
}

/** A plain NATS connection (for `clean`, which manages streams), or one clear line. */
export async function connectNats(server: NatsServer): Promise<NatsConnection> {
  try {
    return await connect({ ...connection, servers: server.url });
  } catch (error) {
    throw connectFailure(error, server);
  }
}

/** JetStream's manager on `nc` (streams: list, info, delete), or one clear line (no JetStream...). */
export async function connectManager(nc: NatsConnection, server: NatsServer): Promise<JetStreamManager> {
  try {
    return await jetstreamManager(nc);
  } catch (error) {
    throw connectFailure(error, server);
  }
}

/** Opens a bus under the demo's subject prefix, or fails with one clear line. */
export async function connectBus(
  server: NatsServer,
  onError?: (error: NatsBusError) => void,
): Promise<NatsEventBus> {
  try {
    return await NatsEventBus.connect({
      servers: server.url,
      subjectPrefix: BUS_SUBJECT_PREFIX,
      connection,
      ...(onError === undefined ? {} : { onError }),
    });
  } catch (error) {
    throw connectFailure(error, server);
  }
}

/** nats.js names its errors (`ConnectionError`, `TimeoutError`, `JetStreamNotEnabled`); the store gives codes. */
export function connectFailure(error: unknown, server: NatsServer): DemoError {
  const at = `NATS at ${server.display}`;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') {
    return new DemoError(
      'NATS_UNREACHABLE',
      `no answer from ${at} within ${CONNECT_TIMEOUT_MS / 1000} s; is a NATS server listening there?`,
      { cause: error },
    );
  }
  if (name === 'ConnectionError') {
    return new DemoError(
      'NATS_UNREACHABLE',
      `cannot connect to ${at}: ${oneLine(error)}; start one with \`nats-server -js\``,
      { cause: error },
    );
  }
  if (isJetStreamStoreError(error, 'JETSTREAM_NOT_ENABLED') || name === 'JetStreamNotEnabled') {
    return new DemoError('NATS_FAILED', `${at} has no JetStream; start it with \`nats-server -js\``, {
      cause: error,
    });
  }
  return new DemoError('NATS_FAILED', `${at}: ${oneLine(error)}`, { cause: error });
}
