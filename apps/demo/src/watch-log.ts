import { JetStreamEventStore } from '@aether/store-jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectFailure, connectManager, connectNats } from './connect.js';
import { oneLine } from './demo-error.js';
import { plural } from './format.js';
import type { NatsServer } from './nats-url.js';
import { printLog } from './print-log.js';
import { onShutdownSignal } from './shutdown.js';
import { explainWatchFailure } from './watch-failure.js';
import type { WatchOutput } from './watch-output.js';
import { findRun } from './watch-run.js';
import { afterOf, describeWatchStart, type WatchStart } from './watch-start.js';

export interface LogWatchOptions {
  server: NatsServer;
  from: WatchStart;
  /** The run to follow; `undefined`: the newest run on the server. */
  run: string | undefined;
}

/**
 * `watch --nats <url>`: follows one run's log in the store, from `--from` on. Prints each event
 * with its position, "caught up at N" once it has read everything saved before it started, and
 * then what is saved from then on, until SIGINT or SIGTERM; then closes the subscription (which
 * deletes its consumer) and the connection, and returns.
 */
export async function runLogWatch(options: LogWatchOptions, output: WatchOutput): Promise<void> {
  const { server, from } = options;
  // A signal may come while the watcher is still connecting: the subscription starts closed then.
  const stop = new AbortController();
  const removeHandlers = onShutdownSignal(() => stop.abort());
  const nc = await connectNats(server);
  let store: JetStreamEventStore | undefined;
  try {
    const { runId, streamName } = await findRun(await connectManager(nc, server), server, options.run);
    store = await openStore(nc, server, streamName);
    output.status(
      `Watching the log of run ${runId} (stream ${streamName}) on ${server.display}, ` +
        `${describeWatchStart(from)}; Ctrl-C to stop`,
    );
    const subscription = store.subscribe({
      after: afterOf(from),
      signal: stop.signal,
      // A message that is not a valid event is reported, and the watcher goes on past it.
      onReplayError: (error) =>
        output.status(`position ${error.sequenceNumber}: not a valid event, skipped (${oneLine(error)})`),
    });
    const count = await printLog(subscription, output);
    output.status(`Stopped after ${plural(count, 'event')}`);
  } catch (error) {
    throw explainWatchFailure(error);
  } finally {
    removeHandlers();
    await store?.close();
    await nc.close();
  }
}

async function openStore(nc: NatsConnection, server: NatsServer, streamName: string) {
  try {
    return await JetStreamEventStore.open(nc, { storeName: streamName });
  } catch (error) {
    throw connectFailure(error, server);
  }
}
