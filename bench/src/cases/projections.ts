import type { BenchGroup } from '../model.js';
import { formatCount as count, describeRuns as runs } from '../report/format.js';
import { openBenchNats } from '../run/nats-server.js';
import { openStreamGroup } from './jetstream/open-group.js';
import { readStream } from './jetstream/read-streams.js';
import { catchUpCase, catchUpPlan } from './projections/catch-up-case.js';
import { databaseUrl, dropRunSchemas, requireDatabase } from './projections/database.js';
import { latencyActors, latencyCase, latencyPlan, latencyRate } from './projections/latency-case.js';
import { batchSize } from './projections/projector.js';

const catchUpEvents = 100_000;
const handWrittenName = 'hand-written loop (nats.js 3.4.0 + pg 8.23.1)';

/** Aether's projection runner with PostgreSQL checkpoints against a hand-written loop (issue 12). */
export const projectionsGroup: BenchGroup = {
  name: 'projections',
  title: 'Projections into PostgreSQL',
  notes: [
    `Every case measures Aether's \`runProjection\` (\`@aether/projections\`) with \`postgresCheckpoints(pool, { schema })\` (\`@aether/projections-postgres\`) and ${batchSize}-event batches against a ${handWrittenName}, in the same run, each in its own fresh Node process with its own NATS connection and \`pg.Pool\` (10 connections), taking turns run by run; the stream lives on the \`nats-server -js\` the bench starts (or \`NATS_URL\`), the tables in PostgreSQL at \`DATABASE_URL\` (default ${databaseUrl()}), each contender in a schema of its own, dropped afterwards. The group is skipped without either.`,
    `The read model (the same for both): \`order_summaries(order_id text primary key, items, total_cents, last_version)\`. Each batch is summed per order in JavaScript and written with one multi-row upsert (\`INSERT ... SELECT FROM unnest($1::text[], ...) ON CONFLICT (order_id) DO UPDATE\`), the same function and statement for both. Aether: the projection's \`apply(batch, tx)\` runs it through \`tx\`, and the checkpoint store wraps it in its transaction, in three round trips (\`BEGIN\` sent with the \`SELECT ... FOR UPDATE\` of the checkpoint row checking the lease and the position; the upsert; the \`UPDATE\` of the position sent with the \`COMMIT\`); the runner holds a fenced lease (renewed every 5 s) and reads the log with the store's \`subscribe\`. Hand-written: nats.js's ordered consumer over the whole stream (\`js.consumers.get(stream)\`, \`consume({ max_messages: 1,000 })\`), \`JSON.parse\` of each message, a batch committed at ${batchSize} events or when the server reports nothing pending: \`BEGIN\`, the upsert, \`INSERT ... ON CONFLICT DO UPDATE\` of its checkpoint row, \`COMMIT\`, on a client taken from the pool for the batch. No lease, no fencing, no compare-and-set, no validation of the events.`,
    `Catch-up (${runs(catchUpPlan)}): a stream of ${count(catchUpEvents)} events of 1,000 orders saved by Aether's store before the first run (the jetstream group's catch-up stream, filled in a process of its own). Each run empties the read model (untimed), starts a projection under a new name from position 0, and stops the clock when the last batch is committed (Aether: \`whenProcessed(${count(catchUpEvents)})\`, as \`whenCaughtUp\` does; hand-written: its commit of sequence ${count(catchUpEvents)}); stopping the runner or deleting the consumer is untimed. Afterwards the read model must count exactly ${count(catchUpEvents)} events. events/s = ${count(catchUpEvents)} / the timed seconds.`,
    `Latency (${count(latencyRate)} events/s for ${latencyPlan.maxSeconds} s per run, round-robin over ${count(latencyActors)} orders; ${runs(latencyPlan)}; the run's p50 or p99). Each contender has a fresh stream and its projector running live in the measuring process (a worker beside the writer, as for read-your-writes). Both save with Aether's \`saveEvent\`, each awaited; from the moment it resolves, the time until the projector has committed the event's position (Aether: \`runner.whenProcessed(position)\`; hand-written: its own wait on the committed sequence) and a query on another connection (\`SELECT last_version ... WHERE order_id = $1\`) sees the event's version in its row.`,
    `Where the time goes (2026-12-03, this machine, with up to six other test runs sharing its 2 cores). Catch-up: the CPU of the measuring process over three catch-ups was about 30 µs per event for Aether (under the profiler) against about 17–20 µs for the hand-written loop; Aether's profile: nats.js 16%, garbage collection 15%, the store's subscription 20% (\`decodeEvents\`, checking each event and the follows rule's lineage cache, in \`@aether/store-jetstream\` and \`@aether/core\`), \`pg\` 7%, the runner 5% (most of it the batch reader's race of each next event against one turn of the event loop), the checkpoint store under 1%. So the pace is set by the reading side, the same cost that then held the jetstream group's \`subscribe({ live: false })\` catch-up at 0.77–0.94× raw nats.js + JSON (since 2026-12-04 its pulls overlap and each message costs about 20% less CPU, and it measures above 1×): when the machine is quiet, PostgreSQL's round trips dominate and the two are level (1.08× at load average 7), when it is busy the client's CPU does (0.65–0.68× at load average 30). Until 2026-12-03 the runner also asked the log whether anything was left (a head request and a one-event consumer read) at every idle moment while a \`whenProcessed\` waited, which made p50 about 2.7× the loop's; it now asks only after 50 ms idle at one position.`,
    `Since 2026-12-04 the batch reader waits for one turn of the event loop per batch (not a race per event), and the checkpoint store's transaction takes 3 round trips instead of 5 (\`BEGIN\` travels with the lease and position check, the position \`UPDATE\` with the \`COMMIT\`; the loop takes 4). Measured then (load average 8–13, one catch-up of this stream per fresh process, the contenders taking turns, 5 each; \`process.cpuUsage\` of the measuring process): Aether 13.8 µs of CPU per event against 15.3 µs before the change and 11.9 µs for the hand-written loop, 3.1 statements per 500-event batch against 5.1 before (the loop: 4.0), and 0.95× the loop's events/s against 0.91× before; save-to-row latency (the latency case's runs, 3 fresh processes each, medians): p50 1.46 ms against 1.51 ms before and 0.91 ms for the loop, p99 4.65 ms against 6.57 ms and 4.28 ms. In Aether's profile the runner and the checkpoint store together now take about 1%: what is left of the gap is the reading side (nats.js, the store's subscription, garbage collection). At 500 events/s a batch holds a few events, so each event waits for a transaction in flight and then its own; Aether's now has one round trip fewer than the loop's, but its events pass through the store's subscription.`,
  ],
  open: async () => {
    await requireDatabase();
    const nats = await openBenchNats();
    // Only the bench process cleans up after the run: a measuring process inherits the server.
    const inBenchProcess = nats.origin !== 'inherited';
    const opened = await openStreamGroup(nats, 1, (host, prefix) => [
      catchUpCase({
        host,
        spec: readStream(`${prefix}-projection-catch-up`, 'order-catch-up', 100, catchUpEvents),
        handWrittenName,
        targets: [{ against: handWrittenName, min: 0.9 }],
      }),
      ...[50, 99].map((percentile) =>
        latencyCase({ host, streamPrefix: `${prefix}-projection-latency`, percentile, handWrittenName }),
      ),
    ]);
    return {
      cases: opened.cases,
      async close() {
        try {
          if (inBenchProcess) await dropRunSchemas();
        } finally {
          await opened.close?.();
        }
      },
    };
  },
};
