import type { JetStreamManager } from '@nats-io/jetstream';
import type pg from 'pg';
import type { OlderThan } from './arguments.js';
import { countLeftovers, describeLeftover, type Leftover, selectLeftovers } from './clean-plan.js';
import {
  describeRunSummaries,
  findRunSummaries,
  type RunSummaries,
  removeRunSummaries,
} from './clean-summaries.js';
import { connectManager, connectNats } from './connect.js';
import { connectDatabase, databaseFailure } from './connect-database.js';
import type { Database } from './database-url.js';
import { DemoError, oneLine } from './demo-error.js';
import { listStreams } from './list-streams.js';
import type { NatsServer } from './nats-url.js';
import { STREAM_PREFIX } from './run-names.js';

export interface CleanOptions {
  server: NatsServer;
  olderThan: OlderThan | undefined;
  /** `--yes`: remove. Without it, `clean` only says what it would remove. */
  confirmed: boolean;
  /** `--database`: also the order summaries `project` kept there for the runs removed; none: PostgreSQL untouched. */
  database: Database | undefined;
  schema: string;
  print: (line: string) => void;
}

/**
 * `clean --nats <url>`: finds the streams and snapshot buckets demo runs left on the server (they
 * keep their events for the store's default 365 days) and removes them, or, without `--yes`, lists
 * them. Streams of anything else are never touched: only names a run makes are considered.
 */
export async function runClean(options: CleanOptions): Promise<void> {
  const { server, olderThan, confirmed, print } = options;
  const nc = await connectNats(server);
  try {
    const jsm = await connectManager(nc, server);
    const leftovers = selectLeftovers(await listStreams(jsm), olderThan, new Date());
    const which = olderThan === undefined ? '' : ` older than ${olderThan.text}`;
    if (leftovers.length === 0) {
      print(`No demo streams or snapshot buckets${which} on ${server.display}`);
      return;
    }
    if (!confirmed) {
      print(`Demo runs left ${countLeftovers(leftovers)}${which} on ${server.display}:`);
      for (const leftover of leftovers) print(`  ${describeLeftover(leftover)}`);
      await withSummaries(options, leftovers, async (_pool, summaries) => {
        for (const run of summaries) print(`  ${describeRunSummaries(options.schema, run)}`);
      });
      print('Nothing removed: run again with --yes to remove them.');
      return;
    }
    await withSummaries(options, leftovers, async (pool, summaries) => {
      for (const run of summaries) {
        await removeRunSummaries(pool, options.schema, run.runId);
        print(`Removed ${describeRunSummaries(options.schema, run)}`);
      }
    });
    const removed: Leftover[] = [];
    for (const leftover of leftovers) {
      if (await remove(jsm, leftover)) {
        removed.push(leftover);
        print(`Removed ${describeLeftover(leftover)}`);
      } else {
        print(`Already gone: ${leftover.kind} ${leftover.name}`);
      }
    }
    print(`Removed ${countLeftovers(removed)}${which} from ${server.display}`);
  } finally {
    await nc.close();
  }
}

/** Deletes the stream holding `leftover`; false when it was gone already (another clean, say). */
async function remove(jsm: JetStreamManager, leftover: Leftover): Promise<boolean> {
  try {
    return await jsm.streams.delete(leftover.stream);
  } catch (error) {
    if (error instanceof Error && error.name === 'StreamNotFoundError') return false;
    const what = `${leftover.kind} ${leftover.name}`;
    throw new DemoError('NATS_FAILED', `could not remove ${what}: ${oneLine(error)}`, { cause: error });
  }
}

/** Runs `use` on the order summaries of the runs among `leftovers`, when `--database` was given. */
async function withSummaries(
  options: CleanOptions,
  leftovers: readonly Leftover[],
  use: (pool: pg.Pool, summaries: RunSummaries[]) => Promise<void>,
): Promise<void> {
  const { database, schema } = options;
  if (database === undefined) return;
  const runIds = leftovers.flatMap((leftover) =>
    leftover.kind === 'stream' ? [leftover.name.slice(STREAM_PREFIX.length)] : [],
  );
  const pool = await connectDatabase(database, 'aether-demo clean');
  try {
    await use(pool, await findRunSummaries(pool, schema, runIds));
  } catch (error) {
    throw databaseFailure(error, database);
  } finally {
    await pool.end();
  }
}
