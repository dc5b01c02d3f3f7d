// Type-level tests, checked by `tsc -p tsconfig.test.json` (the typecheck task), never run. Each
// `@ts-expect-error` fails the type check if the line below it starts compiling.
import { expectTypeOf } from 'vitest';
import { OrderClosedError, orderDecider } from '../examples/order-decider.js';
import { DeciderSpec } from './decider-spec.js';

const spec = DeciderSpec.for(orderDecider);
const placed = { eventType: 'OrderPlaced', data: { customer: 'Ada' } } as const;
const add = { type: 'AddItem', sku: 'TEA', quantity: 1 } as const;

export const checks = async () => {
  const when = spec.given([placed]).when(add);
  // @ts-expect-error then() refuses an event type outside the actor's union
  await when.then([{ eventType: 'OrderCancelled', data: {} }]);
  // @ts-expect-error then() refuses data of another event type
  await when.then([{ eventType: 'ItemAdded', data: { customer: 'Ada' } }]);
  await when.then([{ eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 1 } }]);
  // @ts-expect-error given() refuses an event type outside the union too
  spec.given([{ eventType: 'OrderCancelled', data: {} }]);
  // @ts-expect-error when() takes only the decider's commands
  spec.when({ type: 'Cancel' });
  await spec.when(add).thenThrows(OrderClosedError, (error) => {
    expectTypeOf(error).toEqualTypeOf<OrderClosedError>();
  });
  // A spec is awaited at its check, never at when(): TypeScript refuses the latter.
  // @ts-expect-error when() is not a promise
  await spec.when(add);
};
