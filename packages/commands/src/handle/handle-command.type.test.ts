// Type-level tests, checked by `tsc -p tsconfig.test.json` (the typecheck task), never run. Each
// `@ts-expect-error` fails the type check if the line below it starts compiling.
import type { EventStore } from '@aether/core';
import { expectTypeOf } from 'vitest';
import type { Decider } from '../decider/decider.js';
import { createEvent } from '../events/create-event.js';
import type { Order, OrderCommand, OrderEvent } from '../test-support/domain/order.js';
import { orderDecider } from '../test-support/domain/order.js';
import { type CommandResult, handleCommand } from './handle-command.js';

declare const store: EventStore;

export const typed = async () => {
  const result = await handleCommand(store, 'order-1', { type: 'Ship', carrier: 'DHL' }, orderDecider);
  expectTypeOf(result).toEqualTypeOf<CommandResult<Order, OrderEvent>>();
  // @ts-expect-error not a command of this decider
  await handleCommand(store, 'order-1', { type: 'Cancel' }, orderDecider);
};

export const wrongDecisions: Array<Decider<Order, OrderCommand, OrderEvent>['decide']> = [
  // @ts-expect-error an event type outside the union
  () => [{ eventType: 'OrderCancelled', data: {} }],
  // @ts-expect-error data of another member of the union
  () => [{ eventType: 'OrderPlaced', data: { sku: 'TEA', quantity: 1 } }],
];

export const created = () => {
  const event = createEvent<OrderEvent>('order-1', 1, 'OrderShipped', { carrier: 'DHL' });
  expectTypeOf(event).toEqualTypeOf<OrderEvent>();
  // @ts-expect-error ItemAdded needs sku and quantity
  createEvent<OrderEvent>('order-1', 1, 'ItemAdded', { carrier: 'DHL' });
  // @ts-expect-error not an event type of the union
  createEvent<OrderEvent>('order-1', 1, 'OrderCancelled', {});
};
