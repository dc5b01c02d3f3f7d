import type { JetStreamManager } from '@nats-io/jetstream';
import type { StreamSummary } from './clean-plan.js';
import { connectManager, connectNats } from './connect.js';
import { DemoError } from './demo-error.js';
import { listStreams } from './list-streams.js';
import type { NatsServer } from './nats-url.js';
import { type RunNames, runLeftoverOf, runNames, STREAM_PREFIX } from './run-names.js';

/** The id of the newest run among `streams` (by creation time); `undefined` when there is none. */
export function newestRun(streams: readonly StreamSummary[]): string | undefined {
  let newest: StreamSummary | undefined;
  for (const stream of streams) {
    if (runLeftoverOf(stream.name)?.kind !== 'stream') continue;
    if (newest === undefined || stream.created > newest.created) newest = stream;
  }
  return newest?.name.slice(STREAM_PREFIX.length);
}

/**
 * The run whose log `watch` follows: the run asked for with `--run`, or else the newest run on
 * the server. Each run has a stream of its own, so a log (and its positions) is one run's. It never
 * creates a stream: watching a run that does not exist is a mistake to report.
 */
export async function findRun(
  jsm: JetStreamManager,
  server: NatsServer,
  runId: string | undefined,
): Promise<RunNames> {
  if (runId === undefined) {
    const newest = newestRun(await listStreams(jsm));
    if (newest === undefined) {
      throw new DemoError(
        'NO_RUN',
        `no demo run on ${server.display} yet: run \`aether-demo --nats ${server.display}\` first, ` +
          'or watch the bus with --bus',
      );
    }
    return runNames(newest);
  }
  const run = runNames(runId);
  const { streamName } = run;
  try {
    await jsm.streams.info(streamName);
  } catch (error) {
    if (error instanceof Error && error.name === 'StreamNotFoundError') {
      throw new DemoError(
        'NO_RUN',
        `no run ${runId} on ${server.display} (no stream ${streamName}); \`clean\` lists the runs there are`,
        { cause: error },
      );
    }
    throw error;
  }
  return run;
}

/** Fails with one clear line unless `runId` has a stream on the server (before `load --run` adds to it). */
export async function checkRunExists(server: NatsServer, runId: string): Promise<void> {
  const nc = await connectNats(server);
  try {
    await findRun(await connectManager(nc, server), server, runId);
  } finally {
    await nc.close();
  }
}
