import { type EventStore, loadState } from '@aether/core';
import type { Clock } from '@aether/retry';
import { type ClerkDesk, clerkCommand } from './clerk.js';
import { describeState, plural, versionRange } from './format.js';
import { emptyOrder, type OrderEvent, type OrderLine, orderReducer } from './order.js';
import { OrderNotOpenError } from './order-decider.js';

export interface ClerksContext {
  store: EventStore;
  print: (line: string) => void;
  /** The order both clerks update. */
  orderId: string;
  /** Where retries wait; the story test injects a virtual clock so it never sleeps. */
  clock?: Clock;
  /** Announces each saved event (on the bus, where `watch` sees it); default: nowhere. */
  publish?: (event: OrderEvent) => Promise<void>;
}

const clerks: ReadonlyArray<{ name: string; items: OrderLine[] }> = [
  {
    name: 'Ada',
    items: [
      { sku: 'MUG', quantity: 2, priceCents: 800 },
      { sku: 'SPOON', quantity: 4, priceCents: 150 },
    ],
  },
  {
    name: 'Bob',
    items: [
      { sku: 'TEAPOT', quantity: 1, priceCents: 2500 },
      { sku: 'TRAY', quantity: 1, priceCents: 1200 },
    ],
  },
];

const giftBox: OrderLine = { sku: 'GIFT-BOX', quantity: 1, priceCents: 300 };
const napkin: OrderLine = { sku: 'NAPKIN', quantity: 1, priceCents: 100 };

/**
 * Two clerks add items to the same order at the same time, every command through handleCommand
 * and the order's decider: when the other clerk got in first, the store refuses the stale
 * version, and handleCommand loads the order and decides again. Then one clerk packs and ships
 * the order (a decision of two events, stored together), and an item that comes too late is
 * refused by the decider itself.
 */
export async function runClerks(context: ClerksContext): Promise<void> {
  const { store, print, orderId } = context;
  let conflicts = 0;
  const desk: ClerkDesk = {
    store,
    print,
    orderId,
    clock: context.clock,
    publish: context.publish ?? (async () => {}),
    onConflict: () => conflicts++,
  };
  print('');
  print(`Two clerks update ${orderId} at the same time, each command through handleCommand:`);
  await clerkCommand(desk, 'Ada', { type: 'PlaceOrder', customer: 'Grace Hopper' });
  await Promise.all(
    clerks.map(async ({ name, items }) => {
      for (const item of items) await clerkCommand(desk, name, { type: 'AddItem', item });
    }),
  );
  await clerkCommand(desk, 'Ada', { type: 'PackAndShip', box: giftBox, carrier: 'Royal Mail' });
  await addTooLate(desk);

  const final = await loadState(store, orderId, orderReducer, emptyOrder);
  const versions = (await store.getEvents(orderId)).map((event) => event.version);
  const contiguous = versions.every((version, index) => version === index + 1);
  print(
    `Order state after both clerks: ${describeState(final.state)}; ` +
      `${versionRange(final.version)}${contiguous ? ' with no gaps' : ' WITH GAPS'}, ` +
      `${plural(conflicts, 'conflict')} resolved by deciding again`,
  );
}

/** The decider refuses an item for a shipped order: its own error, passed through untouched. */
async function addTooLate(desk: ClerkDesk): Promise<void> {
  try {
    await clerkCommand(desk, 'Bob', { type: 'AddItem', item: napkin });
  } catch (error) {
    if (!(error instanceof OrderNotOpenError)) throw error;
    desk.print(`Clerk Bob: refused with ${error.name} (never retried, nothing stored): ${error.message}`);
    return;
  }
  throw new Error('the decider accepted an item for a shipped order; it must refuse it');
}
