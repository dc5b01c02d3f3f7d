import type { JetStreamManager, StreamConfig } from '@nats-io/jetstream';
import type { Session } from './session.js';
import { leadFromAnotherNode } from './stream-leader.js';

const nanosPerMs = 1_000_000;
const oneYearMs = 365 * 24 * 60 * 60 * 1000;
const runVariable = 'AETHER_BENCH_RUN_ID';

/**
 * The stream every contender writes to or reads from, written out here rather than taken from the
 * store so the raw baselines get the same kind of stream without going through Aether: the store's
 * layout and defaults (file storage, one-year max age, 2-minute duplicate window, no limits), with
 * `deny_delete`, `deny_purge` and `allow_direct`, and `replicas` copies. Aether's store checks an
 * existing stream against its own config when it opens and refuses a different one, so a drift
 * here fails the bench.
 */
export function benchStreamConfig(name: string, replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name,
    subjects: [`${subjectPrefix(name)}.*`],
    retention: 'limits',
    storage: 'file',
    num_replicas: replicas,
    max_age: oneYearMs * nanosPerMs,
    duplicate_window: 2 * 60 * 1000 * nanosPerMs,
    max_msgs: -1,
    max_bytes: -1,
    max_msgs_per_subject: -1,
    discard: 'old',
    deny_delete: true,
    deny_purge: true,
    allow_rollup_hdrs: false,
    allow_direct: true,
  };
}

/**
 * Where the store puts a stream's actor subjects: `aether-store.<stream>` (its README's "Layout"),
 * written out like the rest of the stream's config; a drift fails the store's startup check.
 */
export function subjectPrefix(stream: string): string {
  return `aether-store.${stream}`;
}

/**
 * Creates a fresh stream with the session's replicas (deleting a leftover of the same name first).
 * A replicated one is ready once it is led from another node than the session's, with every
 * replica current: see `leadFromAnotherNode`.
 */
export async function createStream(session: Session, name: string): Promise<void> {
  await dropStream(session.jsm, name);
  await session.jsm.streams.add(benchStreamConfig(name, session.replicas));
  if (session.replicas > 1) await leadFromAnotherNode(session, name);
}

/** Deletes a whole stream (allowed even with `deny_delete`, which only protects messages). */
export async function dropStream(jsm: JetStreamManager, name: string): Promise<void> {
  await jsm.streams.delete(name).catch(() => undefined);
}

/** How many messages a stream holds; undefined when it does not exist. */
export async function messageCount(jsm: JetStreamManager, name: string): Promise<number | undefined> {
  try {
    return (await jsm.streams.info(name)).state.messages;
  } catch {
    return undefined;
  }
}

/**
 * The name prefix of this bench run's streams, chosen by the bench process and inherited by the
 * measuring processes, so contenders of one case find the same stream and the bench can delete
 * every stream it made from a server it did not start.
 */
export function runStreamPrefix(): string {
  let id = process.env[runVariable];
  if (id === undefined || id === '') {
    id = Date.now().toString(36);
    process.env[runVariable] = id;
  }
  return `bench-${id}`;
}

/** Deletes every stream of this bench run. */
export async function dropRunStreams(jsm: JetStreamManager): Promise<void> {
  const prefix = `${runStreamPrefix()}-`;
  for await (const name of jsm.streams.names()) if (name.startsWith(prefix)) await dropStream(jsm, name);
}
