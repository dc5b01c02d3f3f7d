import type { Event } from '@aether/core';
import { type Projection, runProjection } from '@aether/projections';
import { postgresCheckpoints } from '@aether/projections-postgres';
import type { JetStreamEventStore } from '@aether/store-jetstream';
import type pg from 'pg';
import { batchSize, type StartProjector } from './projector.js';
import { type ProjectedEvent, summaryUpsert } from './read-model.js';

type OrderLine = Event<'ItemAdded', ProjectedEvent['data']>;

/**
 * Aether: `runProjection(store, projection, { checkpoints: postgresCheckpoints(pool), batchSize })`,
 * the projection's `apply` writing the batch with the shared multi-row upsert through `tx`.
 */
export function aetherProjector(store: JetStreamEventStore, pool: pg.Pool, schema: string): StartProjector {
  const checkpoints = postgresCheckpoints(pool, { schema });
  return (name) => {
    const projection: Projection<OrderLine, pg.PoolClient> = {
      name,
      async apply(batch, tx) {
        await tx.query(
          summaryUpsert(
            schema,
            batch.map((recorded) => recorded.event),
          ),
        );
      },
    };
    const runner = runProjection(store, projection, { checkpoints, batchSize });
    return {
      whenProcessed: (position) => runner.whenProcessed(position, { timeoutMs: 120_000 }),
      stop: () => runner.stop(),
    };
  };
}
