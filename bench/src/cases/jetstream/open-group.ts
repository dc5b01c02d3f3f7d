import type { BenchCase, OpenGroup } from '../../model.js';
import type { BenchNats } from '../../run/nats-server.js';
import { openSession, type StreamHost } from './session.js';
import { dropRunStreams, runStreamPrefix } from './streams.js';
import { warmServer } from './warm-server.js';

/** Seconds of appends to a throw-away stream before a JetStream group's first case. */
export const warmUpSeconds = 2;

/**
 * Opens a JetStream group's cases on `nats`, every stream with `replicas` copies. In the bench
 * process it first warms the server up; on close it deletes this run's streams from a server it
 * did not start (`NATS_URL`), then releases the server: a started one is stopped by process id,
 * also when opening fails here (closing the group is the runner's job once it is open).
 */
export async function openStreamGroup(
  nats: BenchNats,
  replicas: number,
  cases: (host: StreamHost, streamPrefix: string) => BenchCase[],
): Promise<OpenGroup> {
  const host: StreamHost = { urls: nats.urls, replicas };
  const prefix = runStreamPrefix();
  try {
    if (nats.origin !== 'inherited') {
      const session = await openSession(host);
      await warmServer(session, `${prefix}-warm-up`, warmUpSeconds).finally(() => session.nc.close());
    }
    return {
      cases: cases(host, prefix),
      async close() {
        try {
          if (nats.origin === 'given') {
            const session = await openSession(host);
            await dropRunStreams(session.jsm).finally(() => session.nc.close());
          }
        } finally {
          await nats.release();
        }
      },
    };
  } catch (error) {
    await nats.release();
    throw error;
  }
}
