// Type-level tests, checked by `tsc -p tsconfig.test.json` (`pnpm --filter @aether/upcasting
// typecheck`), never run (vitest leaves `*.type.test.ts` out). Each `@ts-expect-error` fails the
// type check if the line below it starts compiling.
import type { Event } from '@aether/core';
import { defineUpcasters } from './define-upcasters.js';
import { upcast } from './upcaster-chain.js';

type PlacedV1 = { customer: string };
type PlacedV2 = { customer: string; currency: string };
type PlacedV3 = { customer: { name: string }; currency: string };
type OrderEvent = Event<'OrderPlaced', PlacedV3> | Event<'ItemAdded', { sku: string; quantity: number }>;

const toV2 = (v1: PlacedV1): PlacedV2 => ({ ...v1, currency: 'EUR' });
const toV3 = (v2: PlacedV2): PlacedV3 => ({ customer: { name: v2.customer }, currency: v2.currency });

// A chain whose steps line up and end in the union's current shape compiles.
export const good = defineUpcasters<OrderEvent>({ OrderPlaced: upcast<PlacedV1>().to(2, toV2).to(3, toV3) });

// Each step's input is the previous step's output, inferred.
export const inferred = defineUpcasters<OrderEvent>({
  OrderPlaced: upcast<PlacedV1>()
    .to(2, (v1) => ({ customer: v1.customer, currency: 'EUR' }))
    .to(3, (v2) => ({ customer: { name: v2.customer }, currency: v2.currency })),
});

// A step whose input is not what the previous step made does not compile.
// @ts-expect-error toV3 takes PlacedV2, but the chain is at PlacedV1
export const misaligned = upcast<PlacedV1>().to(2, toV3);

// A step whose input is typed by hand, wrongly, does not compile either.
const atV2 = upcast<PlacedV1>().to(2, toV2);
// @ts-expect-error the step to 3 gets PlacedV2, which has no `name`
export const wrongInput = atV2.to(3, (v2: { name: string }) => v2);

// A gap in the versions does not compile: after 1 comes 2.
// @ts-expect-error version 3 right after version 1
export const gap = upcast<PlacedV1>().to(3, toV2);

// @ts-expect-error version 2 again after version 2
export const repeated = upcast<PlacedV1>().to(2, toV2).to(2, toV3);

export const endsWrong = defineUpcasters<OrderEvent>({
  // @ts-expect-error the chain ends at PlacedV2, but OrderPlaced's current data is PlacedV3
  OrderPlaced: upcast<PlacedV1>().to(2, toV2),
});

export const unknownType = defineUpcasters<OrderEvent>({
  // @ts-expect-error 'OrderShipped' is not an event type of the union
  OrderShipped: upcast<PlacedV1>().to(2, toV2),
});

// Without a union, any chain is accepted: the types have nothing to check it against.
export const untyped = defineUpcasters({ Anything: upcast<PlacedV1>().to(2, toV2) });
