import { createEvent } from '@aether/commands';
import {
  type CheckpointStore,
  memoryCheckpoints,
  type Projection,
  ProjectionError,
  runProjection,
} from '@aether/projections';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../examples/order-decider.js';
import { type OrderTotal, orderTotals } from '../examples/order-totals-projection.js';
import { ProjectionSpec } from './projection-spec.js';

// The spec stands in for the runner: this file checks that what it simulates is what
// runProjection really does when its worker is gone between applying a batch and recording the
// checkpoint, so that a projection passing the spec holds under the runner too.

/** memoryCheckpoints whose first commit applies the batch, then loses the worker before the checkpoint. */
function crashingOnce(): CheckpointStore<undefined> {
  const inner = memoryCheckpoints();
  let crashed = false;
  return {
    ...inner,
    async commit(lease, range, apply) {
      if (crashed) return inner.commit(lease, range, apply);
      crashed = true;
      await apply(undefined);
      throw new ProjectionError(
        'LEASE_LOST',
        lease.projection,
        'the worker is gone before recording its checkpoint',
      );
    },
  };
}

function naiveTotals(items: Map<string, number>): Projection<OrderEvent, undefined> {
  return {
    name: 'naive-totals',
    async apply(batch) {
      for (const { event } of batch) {
        if (event.eventType === 'ItemAdded')
          items.set(event.actorId, (items.get(event.actorId) ?? 0) + event.data.quantity);
      }
    },
  };
}

const history = [
  { actorId: 'a', eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 2 } },
  { actorId: 'b', eventType: 'ItemAdded', data: { sku: 'JAM', quantity: 5 } },
  { actorId: 'a', eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 1 } },
] as const;

/** Runs `projection` over `history` with a worker lost after its first apply; returns once caught up. */
async function runWithACrash(projection: Projection<OrderEvent, undefined>): Promise<void> {
  const store = new InMemoryEventStore();
  const versions = new Map<string, number>();
  for (const { actorId, eventType, data } of history) {
    const version = (versions.get(actorId) ?? 0) + 1;
    versions.set(actorId, version);
    await store.saveEvent(createEvent<OrderEvent>(actorId, version, eventType, data));
  }
  const runner = runProjection(store, projection, { checkpoints: crashingOnce(), holder: 'worker-1' });
  try {
    expect(await runner.whenCaughtUp({ timeoutMs: 10_000 })).toBe(3);
  } finally {
    await runner.stop();
  }
}

describe('ProjectionSpec.whenCrashedAfterApply, beside runProjection', () => {
  it('gives a naive projection the read model the runner gives it after such a crash', async () => {
    const items = new Map<string, number>();
    await runWithACrash(naiveTotals(items));
    expect(Object.fromEntries(items)).toEqual({ a: 6, b: 10 }); // every event applied twice
    const spec = ProjectionSpec.for(() => {
      const model = new Map<string, number>();
      return { projection: naiveTotals(model), read: () => model };
    });
    await spec.given(history).whenCrashedAfterApply().then(items);
  });

  it('passes an idempotent projection that the runner leaves right after such a crash', async () => {
    const rows = new Map<string, OrderTotal>();
    await runWithACrash(orderTotals(rows));
    const expected = new Map([
      ['a', { items: 3, version: 2 }],
      ['b', { items: 5, version: 1 }],
    ]);
    expect(rows).toEqual(expected);
    await ProjectionSpec.for(() => {
      const model = new Map<string, OrderTotal>();
      return { projection: orderTotals(model), read: () => model };
    })
      .given(history)
      .whenCrashedAfterApply()
      .then(expected);
  });
});
