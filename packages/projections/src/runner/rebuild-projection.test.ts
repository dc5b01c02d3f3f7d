import { randomUUID } from 'node:crypto';
import {
  type AnyEvent,
  type EventLog,
  findHistoryExpiredError,
  HistoryExpiredError,
  type RecordedEvent,
} from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import { memoryCheckpoints } from '../checkpoints/memory-checkpoints.js';
import { findProjectionError } from '../errors/projection-error.js';
import type { Projection } from '../projection.js';
import { rebuildProjection } from './rebuild-projection.js';
import { runProjection } from './run-projection.js';

const event = (actorId: string, version: number): AnyEvent => ({
  id: randomUUID(),
  eventType: 'Added',
  actorId,
  version,
  data: { n: version },
  timestamp: new Date(),
});

function counting(name: string) {
  const seen: number[] = [];
  const projection: Projection = {
    name,
    async apply(batch: readonly RecordedEvent[]) {
      seen.push(...batch.map(({ position }) => position));
    },
  };
  return { projection, seen };
}

async function storeWith(count: number): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  for (let version = 1; version <= count; version++) await store.saveEvent(event('a', version));
  return store;
}

describe('rebuildProjection', () => {
  it('blue-green: builds the new version from position 0 beside the running one, then switches over', async () => {
    const store = await storeWith(5);
    const checkpoints = memoryCheckpoints();
    const v1 = counting('orders.v1');
    const old = runProjection(store, v1.projection, { checkpoints });
    await old.whenCaughtUp();
    const v2 = counting('orders.v2');
    const order: string[] = [];
    const runner = await rebuildProjection(store, v2.projection, {
      checkpoints,
      mode: 'blue-green',
      switchOver: async () => {
        order.push(`switched with ${v2.seen.length} applied`);
        await old.stop();
      },
    });
    expect(order).toEqual(['switched with 5 applied']);
    expect(v2.seen).toEqual([1, 2, 3, 4, 5]);
    await runner.stop();
  });

  it('truncate: empties the read model and applies every event again, once its runner is stopped', async () => {
    const store = await storeWith(3);
    const checkpoints = memoryCheckpoints();
    const first = counting('in-place');
    const runner = runProjection(store, first.projection, { checkpoints });
    await runner.whenCaughtUp();
    // Its runner still holds the lease: refused.
    const refused = await rebuildProjection(store, first.projection, {
      checkpoints,
      mode: 'truncate',
      truncate: async () => undefined,
    }).catch((error: unknown) => error);
    expect(findProjectionError(refused, 'LEASE_LOST')?.message).toContain('stop its runner first');
    await runner.stop();
    const again = counting('in-place');
    let truncated = 0;
    const rebuilt = await rebuildProjection(store, again.projection, {
      checkpoints,
      mode: 'truncate',
      truncate: async () => {
        truncated++;
      },
    });
    expect(truncated).toBe(1);
    expect(again.seen).toEqual([1, 2, 3]);
    await rebuilt.stop();
  });

  it('is refused when the log no longer starts at position 1, unless allowed', async () => {
    const store = await storeWith(2);
    const expired: EventLog = {
      headPosition: () => store.headPosition(),
      subscribe: (options) => store.subscribe(options),
      readAll: async (options) => {
        if (options?.allowExpiredHistory !== true)
          throw new HistoryExpiredError({ after: 0, firstPosition: 2 });
        return store.readAll(options);
      },
    };
    const { projection } = counting('expired.v2');
    const checkpoints = memoryCheckpoints();
    const refused = await rebuildProjection(expired, projection, {
      checkpoints,
      mode: 'blue-green',
      switchOver: async () => undefined,
    }).catch((error: unknown) => error);
    expect(findHistoryExpiredError(refused)?.firstPosition).toBe(2);
    const allowed = await rebuildProjection(expired, projection, {
      checkpoints,
      mode: 'blue-green',
      switchOver: async () => undefined,
      allowExpiredHistory: true,
    });
    await allowed.stop();
  });
});
