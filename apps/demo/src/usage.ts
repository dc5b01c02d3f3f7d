import { DEFAULT_DATABASE_URL } from './database-url.js';
import { DURATION_UNITS } from './duration.js';
import { CONNECT_TIMEOUT_MS, LOAD_LIMITS } from './limits.js';
import { DEFAULT_DEMO_SCHEMA } from './summaries-table.js';

export const usage = `Usage: aether-demo [--nats <url>]
       aether-demo watch --nats <url> [--from start|end|<position>] [--run <id>]
       aether-demo watch --nats <url> --bus
       aether-demo load --nats <url> [--writers <n>] [--events <m>] [--run <id>]
       aether-demo project --nats <url> [--database <url>] [--schema <name>] [--run <id>]
       aether-demo clean --nats <url> [--older-than <age>] [--yes] [--database <url> [--schema <name>]]

Modes:
  (none)   The order story on the in-memory store: places an order, adds items, shows a stale
           write rejected with its VersionConflictError, replays the state, snapshots it, and
           shows a bus subscriber receiving every event. Then two clerks update another order at
           the same time, each command through handleCommand (@aether/commands) and the order's
           decider: a conflict makes it load the order and decide again, and the retries are
           shown; then one packs and ships it, a decision of two events stored by one saveEvents
           call (all or nothing), and the decider refuses an item that comes too late. Needs no
           server.
  --nats   The same story on NATS: JetStreamEventStore and NatsEventBus. Each run gets a run id
           and its own stream, aether-demo-<run id> (snapshots in the KV bucket
           aether-demo-<run id>-snapshots), so runs never collide. Events are kept as the store's
           default says: maxAge 365 days, then JetStream deletes them; \`clean\` removes them
           earlier. Every saved event is also published on the bus, namespace orders.<run id>
           (subject prefix aether-demo).
  watch    Follows one run's log, the events in its stream (the newest run on the server, or
           --run <id>): prints each event with its position, #N (the events of one saveEvents
           call share theirs), from --from on; then "caught up at N" once it has read what the
           log held when it started; then each event as it is saved (load --run <id> adds some).
           With --bus it subscribes to the bus instead, namespace orders.* (subject prefix
           aether-demo): every run's events as they are published, no history, no positions.
           Status lines go to stderr. Runs until Ctrl-C (SIGINT) or SIGTERM, then closes its
           subscription (the log's consumer is deleted) and its connection, and exits 0.
  load     Starts <n> writer processes that add <m> items each to ONE order, every save through
           saveWithRetry, all at once; shows a progress line on stderr; then reads the order back
           and verifies it holds exactly n x m events with versions 1..n x m and each writer's
           items exactly once, and prints the version conflicts and retries. Exits 1 when the
           verification fails. Stream and namespace as for --nats; with --run <id>, those of
           that run, and the first order number no earlier load there used.
  project  Keeps a table of order summaries in PostgreSQL from one run's log (the newest run, or
           --run <id>): one row per order (customer, items, total, status, version, events) in
           <schema>.order_summaries, written through @aether/projections with postgresCheckpoints,
           so each event counts exactly once however often project is killed and started again.
           Prints its position and lag about every second; each time it has caught up it compares
           the table with what replaying the log computes and prints "verified: ..." (or the
           differences). Runs until Ctrl-C (SIGINT) or SIGTERM, then commits the batch in hand,
           releases the lease, verifies once more, closes its consumer and connections, and exits
           0 (1 when a verification failed). A project started again right after a kill waits in
           standby until the dead one's lease runs out (5 s).
  clean    Lists the streams and snapshot buckets that --nats and load runs left on the server
           (aether-demo-<run id>, aether-demo-<run id>-snapshots; nothing else), and with --yes
           removes them, saying what it removed. Without --yes it removes nothing. With
           --database, also the order summaries project kept there for those runs (their rows,
           checkpoint and parked events); without it, PostgreSQL is not touched.

Options:
  --nats <url>     the NATS server: nats://host:port, or host:port (port 4222 when left out).
                   JetStream is needed for --nats, load, project and clean (\`nats-server -js\`).
                   The demo gives up after ${CONNECT_TIMEOUT_MS / 1000} s when the server does not answer.
  --writers <n>    load: writer processes, 1 to ${LOAD_LIMITS.writers.max} (default ${LOAD_LIMITS.writers.default})
  --events <m>     load: items each writer adds, 1 to ${LOAD_LIMITS.events.max} (default ${LOAD_LIMITS.events.default})
  --older-than <age>
                   clean: only runs created more than <age> ago: a whole number followed by
                   ${DURATION_UNITS} (30m, 12h, 7d)
  --yes            clean: remove what it lists
  --from <where>   watch: start, the first event there is (default); end, only what is saved
                   from now on; or a position, a whole number from 1 (that event and the later)
  --database <url> project, clean: the PostgreSQL database, postgres://user@host:port/database
                   (project's default: DATABASE_URL, else ${DEFAULT_DATABASE_URL})
  --schema <name>  project, clean: the schema of its tables (default ${DEFAULT_DEMO_SCHEMA}; created when missing)
  --run <id>       watch, load, project: the run as --nats and load print it (Run mx7rjnba-e09r: ...)
  --bus            watch: the bus (every run, live only) instead of a run's log
  -h, --help       show this help
Options take their value as the next argument or after "=" (--writers=8).

Examples:
  aether-demo                                        # the story, in memory
  nats-server -js                                    # a local server, in another terminal
  aether-demo --nats nats://127.0.0.1:4222           # the story on JetStream
  aether-demo watch --nats 127.0.0.1:4222            # terminal 2: the newest run's log, then live
  aether-demo load --nats 127.0.0.1 --run mx7rjnba-e09r   # terminal 1: more events for it
  aether-demo watch --nats 127.0.0.1 --from end --run mx7rjnba-e09r
  aether-demo watch --nats 127.0.0.1 --bus           # every run's events, as they are published
  aether-demo load --nats 127.0.0.1 --writers 8 --events 100
  aether-demo project --nats 127.0.0.1              # terminal 2: the newest run's order summaries
  aether-demo clean --nats 127.0.0.1 --older-than 1d # lists leftovers older than a day
  aether-demo clean --nats 127.0.0.1 --older-than 1d --yes   # and removes them

Exit codes: 0 done, 1 failed (unreachable server, failed verification...), 2 bad arguments,
130 interrupted.`;
