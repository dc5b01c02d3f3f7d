// The README's example: a read model in PostgreSQL kept exactly once from a store's log. The
// README shows the part between the markers; the test calls main() with a pool and a schema of
// its own.
// README:start
import type { Event } from '@aether/core';
import { type Projection, runProjection } from '@aether/projections';
import { InMemoryEventStore } from '@aether/store-memory';
import type pg from 'pg';
import { postgresCheckpoints } from '../index.js';

type ItemAdded = Event<'ItemAdded', { price: number }>;

export async function main(pool: pg.Pool, schema: string): Promise<void> {
  const store = new InMemoryEventStore(); // or a JetStreamEventStore: anything with a log
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await pool.query(
    `CREATE TABLE IF NOT EXISTS ${schema}.order_totals (order_id text PRIMARY KEY, items int, total int)`,
  );

  const orderTotals: Projection<ItemAdded, pg.PoolClient> = {
    name: 'order-totals',
    eventTypes: ['ItemAdded'],
    // `tx` is the transaction the checkpoint commits in: write the read model through it.
    async apply(batch, tx) {
      for (const { event } of batch) {
        await tx.query(
          `INSERT INTO ${schema}.order_totals VALUES ($1, 1, $2)
           ON CONFLICT (order_id) DO UPDATE
           SET items = order_totals.items + 1, total = order_totals.total + $2`,
          [event.actorId, event.data.price],
        );
      }
    },
  };
  const runner = runProjection(store, orderTotals, {
    checkpoints: postgresCheckpoints(pool, { schema }),
    batchSize: 500,
  });

  for (const [version, price] of [20, 15, 10].entries()) {
    await store.saveEvent({
      id: `order-1-${version + 1}`,
      eventType: 'ItemAdded',
      actorId: 'order-1',
      version: version + 1,
      data: { price },
      timestamp: new Date(),
    });
  }
  await runner.whenProcessed(await store.headPosition(), { timeoutMs: 10_000 }); // read your writes

  const { rows } = await pool.query(`SELECT * FROM ${schema}.order_totals`);
  console.log(`order_totals: ${JSON.stringify(rows)}`);
  console.log(`status: ${JSON.stringify(runner.status(), ['state', 'position', 'lagEvents'])}`);
  await runner.stop(); // commits the batch in hand and releases the lease
}
// README:end
