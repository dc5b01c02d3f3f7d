// Type-level tests, checked by `tsc -p tsconfig.test.json` (the typecheck task), never run. Each
// `@ts-expect-error` fails the type check if the line below it starts compiling.
import { expectTypeOf } from 'vitest';
import { type OrderTotal, orderTotals } from '../examples/order-totals-projection.js';
import { ProjectionSpec } from './projection-spec.js';

const spec = ProjectionSpec.for(() => {
  const rows = new Map<string, OrderTotal>();
  return {
    projection: orderTotals(rows),
    read: () => Object.fromEntries([...rows].map(([id, row]) => [id, row.items])),
  };
});
const added = { actorId: 'order-1', eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 1 } } as const;

export const checks = async () => {
  await spec.given([added]).then({ 'order-1': 1 });
  // @ts-expect-error given() refuses an event type outside the projection's union
  spec.given([{ actorId: 'order-1', eventType: 'OrderCancelled', data: {} }]);
  // @ts-expect-error given() refuses data of another event type
  spec.given([{ actorId: 'order-1', eventType: 'ItemAdded', data: { customer: 'Ada' } }]);
  // @ts-expect-error given() needs each event's actor
  spec.given([{ eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 1 } }]);
  // @ts-expect-error then() refuses a read model of another shape than read() returns
  await spec.given([added]).whenDeliveredTwice().then({ 'order-1': 'one' });
  // @ts-expect-error the delivery variants are chosen before then(), never after given() twice
  spec.given([added]).whenDeliveredTwice().whenCrashedAfterApply();
  // A spec is awaited at its check: awaiting the given events themselves does not compile.
  // @ts-expect-error given() is not a promise
  await spec.given([added]);

  // A projection writing through its transaction: `tx` must be of the type apply takes.
  const withTx = ProjectionSpec.for(() => ({
    projection: {
      name: 'p',
      apply: async (_batch: readonly unknown[], _tx: { query(sql: string): void }) => {},
    },
    // @ts-expect-error tx is what apply takes
    tx: { execute() {} },
    read: () => 1,
  }));
  expectTypeOf(withTx).not.toBeAny();
};
