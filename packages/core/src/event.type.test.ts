// Type-level tests, checked by `tsc -p tsconfig.test.json` (`pnpm --filter @aether/core typecheck`),
// never run (vitest leaves `*.type.test.ts` out). Each `@ts-expect-error` fails the type check if
// the line below it starts compiling.
import type { ActorSnapshot, AnyEvent, Event } from './event.js';
import type { EventStore, SnapshotStore } from './event-store.js';
import type { Reducer } from './replay.js';
import { replay } from './replay.js';

type OrderPlaced = Event<'OrderPlaced', { customer: string }>;
type ItemAdded = Event<'ItemAdded', { sku: string; quantity: number }>;
type OrderEvent = OrderPlaced | ItemAdded;

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof?: T): void {}

interface OrderState {
  customer: string | undefined;
  lines: number;
}

// A reducer typed by the union narrows `data` on `eventType`.
export const orderReducer: Reducer<OrderState, OrderEvent> = (state, event) => {
  switch (event.eventType) {
    case 'OrderPlaced': {
      assertType<Equal<typeof event, OrderPlaced>>();
      assertType<Equal<typeof event.data, { customer: string }>>();
      const customer: string = event.data.customer;
      // @ts-expect-error OrderPlaced has no sku
      event.data.sku;
      return { ...state, customer };
    }
    case 'ItemAdded': {
      assertType<Equal<typeof event, ItemAdded>>();
      const quantity: number = event.data.quantity;
      const sku: string = event.data.sku;
      // @ts-expect-error ItemAdded has no customer
      event.data.customer;
      return { ...state, lines: state.lines + quantity + (sku ? 0 : 0) };
    }
    default: {
      // Every member of the union is handled: nothing is left.
      const unreachable: never = event;
      return unreachable;
    }
  }
};

// @ts-expect-error 'OrderShipped' is not an event type of the union
export const unknownType = (event: OrderEvent) => event.eventType === 'OrderShipped';

const base = { id: 'e1', actorId: 'order-1', version: 1, timestamp: new Date() } as const;

export const goodItem: ItemAdded = { ...base, eventType: 'ItemAdded', data: { sku: 'A-1', quantity: 2 } };

export const badSku: ItemAdded = {
  ...base,
  eventType: 'ItemAdded',
  // @ts-expect-error sku must be a string
  data: { sku: 1, quantity: 2 },
};

// @ts-expect-error quantity is missing
export const missingQuantity: ItemAdded = { ...base, eventType: 'ItemAdded', data: { sku: 'A-1' } };

export const wrongPairing: OrderEvent = {
  ...base,
  eventType: 'OrderPlaced',
  // @ts-expect-error OrderPlaced's data is { customer }, not ItemAdded's
  data: { sku: 'A-1', quantity: 2 },
};

// Events are read-only.
export function mutate(event: OrderPlaced): void {
  // @ts-expect-error version is readonly
  event.version = 2;
  // @ts-expect-error metadata is readonly
  event.metadata = {};
}

// Stores accept any event, whatever its data type, including an interface (no index signature).
interface ShipmentBooked {
  carrier: string;
  parcels: number;
}
export async function save(store: EventStore, event: Event<'ShipmentBooked', ShipmentBooked>): Promise<void> {
  const saveEvent: EventStore['saveEvent'] = store.saveEvent.bind(store);
  const asAny: AnyEvent = event;
  await saveEvent(event);
  await store.saveEvent(asAny);
  await store.saveEvent(goodItem);
}

// `replay` infers the state type from the start and the event type from the reducer.
export function derive(events: OrderEvent[]): OrderState {
  const result = replay(events, orderReducer, { initial: { customer: undefined, lines: 0 } });
  assertType<Equal<typeof result.state, OrderState>>();
  assertType<Equal<typeof result.version, number>>();
  // @ts-expect-error a reducer for OrderEvent cannot fold a plain Event with unknown data
  replay([] as Event[], orderReducer, { initial: { customer: undefined, lines: 0 } });
  // @ts-expect-error the start state must match the reducer's
  replay(events, orderReducer, { initial: { lines: 'none' } });
  return result.state;
}

export async function fromSnapshot(store: SnapshotStore, events: OrderEvent[]): Promise<number> {
  const snapshot: ActorSnapshot<OrderState> = {
    actorId: 'order-1',
    version: 1,
    state: { customer: 'Ada', lines: 0 },
    timestamp: new Date(),
  };
  // @ts-expect-error a snapshot's state must have the state type
  replay(events, orderReducer, { snapshot: { ...snapshot, state: { total: 1 } } });
  await store.getLatestSnapshot('order-1');
  return replay(events, orderReducer, { snapshot }).version;
}
