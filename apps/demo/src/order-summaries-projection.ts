import type { RecordedEvent } from '@aether/core';
import type { Projection } from '@aether/projections';
import type pg from 'pg';
import type { OrderEvent } from './order.js';
import { projectionName, SUMMARIES_TABLE } from './summaries-table.js';

/** What one batch changes in one order's row. */
interface SummaryChange {
  customer: string | null;
  items: number;
  totalCents: number;
  /** The status the order's last status event in the batch gives it; `null`: unchanged. */
  status: 'placed' | 'shipped' | null;
  version: number;
  events: number;
}

/**
 * The order summaries of one run, kept in `<schema>.order_summaries` with SQL increments: one
 * upsert per order the batch touches. It needs no idempotency of its own: with postgresCheckpoints
 * the upserts and the new position commit in one transaction, so each event counts once.
 */
export function orderSummariesProjection(
  runId: string,
  schema: string,
): Projection<OrderEvent, pg.PoolClient> {
  return {
    name: projectionName(runId),
    async apply(batch, tx) {
      for (const [orderId, change] of changesOf(batch)) {
        await tx.query(
          `INSERT INTO ${schema}.${SUMMARIES_TABLE} AS s
             (run_id, order_id, customer, items, total_cents, status, version, events)
           VALUES ($1, $2, $3, $4, $5, COALESCE($6::text, 'new'), $7, $8)
           ON CONFLICT (run_id, order_id) DO UPDATE SET
             customer = COALESCE($3, s.customer),
             items = s.items + $4,
             total_cents = s.total_cents + $5,
             status = COALESCE($6::text, s.status),
             version = $7,
             events = s.events + $8`,
          [
            runId,
            orderId,
            change.customer,
            change.items,
            change.totalCents,
            change.status,
            change.version,
            change.events,
          ],
        );
      }
    },
  };
}

function changesOf(batch: readonly RecordedEvent<OrderEvent>[]): Map<string, SummaryChange> {
  const changes = new Map<string, SummaryChange>();
  for (const { event } of batch) {
    const change = changes.get(event.actorId) ?? {
      customer: null,
      items: 0,
      totalCents: 0,
      status: null,
      version: 0,
      events: 0,
    };
    switch (event.eventType) {
      case 'OrderPlaced':
        change.customer = event.data.customer;
        change.status = 'placed';
        break;
      case 'ItemAdded':
        change.items += event.data.quantity;
        change.totalCents += event.data.quantity * event.data.priceCents;
        break;
      case 'OrderShipped':
        change.status = 'shipped';
        break;
    }
    change.version = event.version;
    change.events++;
    changes.set(event.actorId, change);
  }
  return changes;
}
