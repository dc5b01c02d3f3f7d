import type { JetStreamClient } from '@nats-io/jetstream';
import type pg from 'pg';
import { batchSize, type Projector, type StartProjector } from './projector.js';
import { type ProjectedEvent, summaryUpsert } from './read-model.js';

const decoder = new TextDecoder();

/**
 * The loop a team writes without Aether: nats.js's ordered consumer over the whole stream
 * (`consume({ max_messages: 1000 })`), `JSON.parse` of each message, and a batch committed when it
 * holds 500 events or the server reports nothing more pending: `BEGIN`, the same multi-row upsert
 * as Aether's projection, an upsert of the checkpoint row, `COMMIT`, on a pooled client. It starts
 * from the stream's first message (no checkpoint read, no lease, no fencing).
 */
export function handWrittenProjector(
  js: JetStreamClient,
  stream: string,
  pool: pg.Pool,
  schema: string,
): StartProjector {
  return (name) => new HandWrittenProjector(js, stream, pool, schema, name);
}

class HandWrittenProjector implements Projector {
  #committed = 0;
  #waiters: { position: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #failed: unknown;
  readonly #stopping = new AbortController();
  readonly #done: Promise<void>;

  constructor(
    readonly js: JetStreamClient,
    readonly stream: string,
    readonly pool: pg.Pool,
    readonly schema: string,
    readonly name: string,
  ) {
    this.#done = this.#run().catch((error: unknown) => {
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

  async #run(): Promise<void> {
    const consumer = await this.js.consumers.get(this.stream);
    const messages = await consumer.consume({ max_messages: 1000 });
    this.#stopping.signal.addEventListener('abort', () => void messages.close(), { once: true });
    let batch: ProjectedEvent[] = [];
    let last = 0;
    try {
      for await (const message of messages) {
        batch.push(JSON.parse(decoder.decode(message.data)) as ProjectedEvent);
        last = message.seq;
        if (batch.length >= batchSize || message.info.pending === 0) {
          await this.#commit(batch, last);
          batch = [];
        }
      }
    } finally {
      await consumer.delete().catch(() => undefined);
    }
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
