import type { AnyEvent } from '@aether/core';
import fc from 'fast-check';
import { stored } from './orders.js';

/** One step of an order's life, written by whichever generation of the code was running then. */
export type Step =
  | { kind: 'placed'; customer: string; currency: string; schema: 1 | 2 | 3 }
  | { kind: 'item'; sku: string; quantity: number };

export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('placed' as const),
    customer: fc.string({ maxLength: 8 }),
    // v1 had no currency: every v1 order was in euros, which is what the v1 → v2 upcaster says.
    currency: fc.constantFrom('EUR', 'USD'),
    schema: fc.constantFrom(1 as const, 2 as const, 3 as const),
  }),
  fc.record({ kind: fc.constant('item' as const), sku: fc.string({ maxLength: 5 }), quantity: fc.nat(9) }),
);

/** The step as the code of its schema version stored it (v1: no currency, so always EUR). */
export function asWritten(actorId: string, version: number, step: Step): AnyEvent {
  if (step.kind === 'item')
    return stored(actorId, version, 'ItemAdded', { sku: step.sku, quantity: step.quantity });
  if (step.schema === 1) return stored(actorId, version, 'OrderPlaced', { customer: step.customer });
  if (step.schema === 2) {
    return stored(actorId, version, 'OrderPlaced', { customer: step.customer, currency: step.currency }, '2');
  }
  // v3 code saves through the wrapper, which stamps its version.
  return stored(
    actorId,
    version,
    'OrderPlaced',
    { customer: { name: step.customer }, currency: step.currency },
    '3',
  );
}

/** The same step as today's code writes it: v3. */
export function asCurrent(actorId: string, version: number, step: Step): AnyEvent {
  if (step.kind === 'item')
    return stored(actorId, version, 'ItemAdded', { sku: step.sku, quantity: step.quantity });
  const currency = step.schema === 1 ? 'EUR' : step.currency;
  return stored(actorId, version, 'OrderPlaced', { customer: { name: step.customer }, currency });
}
