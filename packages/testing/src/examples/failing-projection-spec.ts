// README:start
import type { Projection } from '@aether/projections';
import { ProjectionSpec } from '../index.js';
import type { OrderEvent } from './order-decider.js';

/** Items per order, counted naively: every event it is given adds to the total. */
function naiveTotals(items: Map<string, number>): Projection<OrderEvent, undefined> {
  return {
    name: 'naive-totals',
    async apply(batch) {
      for (const { event } of batch) {
        if (event.eventType === 'ItemAdded') {
          items.set(event.actorId, (items.get(event.actorId) ?? 0) + event.data.quantity);
        }
      }
    },
  };
}

export async function main(): Promise<string[]> {
  const spec = ProjectionSpec.for(() => {
    const items = new Map<string, number>();
    return { projection: naiveTotals(items), read: () => items };
  });
  try {
    await spec
      .given([
        { actorId: 'order-1', eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 2 } },
        { actorId: 'order-2', eventType: 'ItemAdded', data: { sku: 'JAM', quantity: 1 } },
      ])
      .whenDeliveredTwice()
      .then(
        new Map([
          ['order-1', 2],
          ['order-2', 1],
        ]),
      );
    return ['passed'];
  } catch (error) {
    return (error as Error).message.split('\n'); // what your test runner prints
  }
}
// README:end
