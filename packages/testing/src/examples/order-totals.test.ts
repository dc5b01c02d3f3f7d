// README:start
import { describe, it } from 'vitest';
import { ProjectionSpec } from '../index.js';
import { type OrderTotal, orderTotals } from './order-totals-projection.js';

// A fresh projection and read model for every run; the spec compares what `read` returns.
const spec = ProjectionSpec.for(
  () => {
    const rows = new Map<string, OrderTotal>();
    return {
      projection: orderTotals(rows),
      read: () => Object.fromEntries([...rows].map(([order, row]) => [order, row.items])),
    };
  },
  { batchSize: 2 },
);

const placed = (actorId: string) =>
  ({ actorId, eventType: 'OrderPlaced', data: { customer: 'Ada' } }) as const;
const added = (actorId: string, quantity: number) =>
  ({ actorId, eventType: 'ItemAdded', data: { sku: 'TEA', quantity } }) as const;
const history = [
  placed('order-1'),
  added('order-1', 2),
  placed('order-2'),
  added('order-2', 5),
  added('order-1', 1),
];

describe('order totals', () => {
  it('sums the items of each order', () => spec.given(history).then({ 'order-1': 3, 'order-2': 5 }));

  it('counts a batch delivered twice once', () =>
    spec.given(history).whenDeliveredTwice().then({ 'order-1': 3, 'order-2': 5 }));

  it('counts a batch applied again after a crash once', () =>
    spec.given(history).whenCrashedAfterApply().then({ 'order-1': 3, 'order-2': 5 }));
});
// README:end
