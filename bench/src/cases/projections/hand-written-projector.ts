import type { JetStreamClient } from '@nats-io/jetstream';
import type pg from 'pg';
import { batchSize, type Projector, type StartProjector } from './projector.js';
import { type ProjectedEvent, summaryUpsert } from './read-model.js';

const decoder = new TextDecoder();
/** The reader waits while this many parsed events wait for a commit (nats.js buffers behind it). */
const readAhead = 4 * batchSize;

/**
 * The loop a team writes without Aether: nats.js's ordered consumer over the whole stream
 * (`consume({ max_messages: 1000 })`), `JSON.parse` of each message into a buffer, and a committer
 * that takes what has arrived, up to 500 events, as one batch: `BEGIN`, the same multi-row upsert
 * as Aether's projection, an upsert of the checkpoint row, `COMMIT`, on a client taken from the
 * pool. It starts from the stream's first message: no checkpoint read, lease, fencing or
 * compare-and-set.
 */
export function handWrittenProjector(
  js: JetStreamClient,
  stream: string,
  pool: pg.Pool,
  schema: string,
): StartProjector {
  return (name) => new HandWrittenProjector(js, stream, pool, schema, name);
}

type Waiter = { position: number; resolve: () => void; reject: (error: unknown) => void };

class HandWrittenProjector implements Projector {
  #committed = 0;
  #waiters: Waiter[] = [];
  #failed: unknown;
  #buffer: { event: ProjectedEvent; seq: number }[] = [];
  #readerDone = false;
  #wakeCommitter: (() => void) | undefined;
  #wakeReader: (() => void) | undefined;
  readonly #stopping = new AbortController();
  readonly #done: Promise<void>;

  constructor(
    readonly js: JetStreamClient,
    readonly stream: string,
    readonly pool: pg.Pool,
    readonly schema: string,
    readonly name: string,
  ) {
    this.#done = Promise.all([this.#read(), this.#commitLoop()])
      .then(() => undefined)
      .catch((error: unknown) => {
        this.#failed = error;
        for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
      });
  }

  whenProcessed(position: number): Promise<void> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    if (this.#committed >= position) return Promise.resolve();
    return new Promise((resolve, reject) => this.#waiters.push({ position, resolve, reject }));
  }

  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#done;
    if (this.#failed !== undefined) throw this.#failed;
  }

  async #read(): Promise<void> {
    const consumer = await this.js.consumers.get(this.stream);
    try {
      const messages = await consumer.consume({ max_messages: 1000 });
      const close = () => void messages.close();
      this.#stopping.signal.addEventListener('abort', close, { once: true });
      if (this.#stopping.signal.aborted) close();
      for await (const message of messages) {
        this.#buffer.push({
          event: JSON.parse(decoder.decode(message.data)) as ProjectedEvent,
          seq: message.seq,
        });
        this.#wake();
        if (this.#buffer.length >= readAhead)
          await new Promise<void>((resolve) => (this.#wakeReader = resolve));
      }
    } finally {
      this.#readerDone = true;
      this.#wake();
      await consumer.delete().catch(() => undefined);
    }
  }

  async #commitLoop(): Promise<void> {
    for (;;) {
      if (this.#buffer.length === 0) {
        if (this.#readerDone) return;
        await new Promise<void>((resolve) => (this.#wakeCommitter = resolve));
        continue;
      }
      const batch = this.#buffer.splice(0, batchSize);
      this.#wakeReader?.();
      this.#wakeReader = undefined;
      await this.#commit(
        batch.map((entry) => entry.event),
        (batch[batch.length - 1] as { seq: number }).seq,
      );
    }
  }

  #wake(): void {
    this.#wakeCommitter?.();
    this.#wakeCommitter = undefined;
  }

  async #commit(batch: readonly ProjectedEvent[], position: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(summaryUpsert(this.schema, batch));
      await client.query({
        name: 'checkpoint-upsert',
        text: `INSERT INTO ${this.schema}.checkpoints (projection, position) VALUES ($1, $2)
          ON CONFLICT (projection) DO UPDATE SET position = excluded.position`,
        values: [this.name, position],
      });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.#committed = position;
    const due = this.#waiters.filter((waiter) => waiter.position <= position);
    this.#waiters = this.#waiters.filter((waiter) => waiter.position > position);
    for (const waiter of due) waiter.resolve();
  }
}

/** The hand-written loop's checkpoint table, created untimed beside the read model. */
export async function createCheckpointTable(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS ${schema}.checkpoints (projection text PRIMARY KEY, position bigint NOT NULL)`,
  );
}
