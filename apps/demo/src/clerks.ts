import { type EventStore, findVersionConflict, loadState } from '@aether/core';
import { type Clock, exponential, saveWithRetry } from '@aether/retry';
import { describeEvent, describeState, plural, versionRange } from './format.js';
import { emptyOrder, type OrderEvent, type OrderLine, type OrderState, orderReducer } from './order.js';
import type { EventFactory } from './order-events.js';
import { shipInGiftBox } from './ship-order.js';

export interface ClerksContext {
  store: EventStore;
  events: EventFactory;
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

// No jitter, so the demo prints the same waits every time; with many writers keep the default
// (jittered) backoff so that they do not retry in lockstep.
const backoff = exponential({ initialDelayMs: 20, factor: 2 });

/**
 * Two clerks add items to the same order at the same time. Each save goes through
 * saveWithRetry: when the other clerk got in first, the store refuses the stale version, and the
 * clerk re-reads the order and saves again. Then one clerk ships the order: a decision of two
 * events, saved together with saveEvents.
 */
export async function runClerks(context: ClerksContext): Promise<void> {
  const { store, events, print, orderId, clock } = context;
  const publish = context.publish ?? (async () => {});
  print('');
  print(`Two clerks update ${orderId} at the same time, each through saveWithRetry:`);
  const placed = events.next(orderId, 1, 'OrderPlaced', { customer: 'Grace Hopper' });
  await store.saveEvent(placed);
  await publish(placed);
  print(`Saved ${describeEvent(placed)}`);

  let conflicts = 0;
  const runClerk = async ({ name, items }: { name: string; items: OrderLine[] }) => {
    for (const item of items) {
      const { event, attempts } = await saveWithRetry(
        store,
        orderId,
        (version, state: OrderState) => {
          print(
            `Clerk ${name}: order at v${version} (${itemCount(state)}), adding ${item.quantity}x ${item.sku} as v${version + 1}`,
          );
          return events.next(orderId, version + 1, 'ItemAdded', item);
        },
        {
          reducer: orderReducer,
          initialState: emptyOrder,
          backoff,
          clock,
          onRetry: (_attempt, delayMs, error) => {
            conflicts++;
            const conflict = findVersionConflict(error);
            print(
              `Clerk ${name}: conflict, tried v${conflict?.attemptedVersion} but ${orderId} is at ` +
                `v${conflict?.currentVersion}; re-reading in ${delayMs} ms`,
            );
          },
        },
      );
      await publish(event);
      print(`Clerk ${name}: saved v${event.version}${attempts > 1 ? ` (attempt ${attempts})` : ''}`);
    }
  };
  await Promise.all(clerks.map(runClerk));
  await shipInGiftBox({ store, events, print, orderId, publish });

  const final = await loadState(store, orderId, orderReducer, emptyOrder);
  const versions = (await store.getEvents(orderId)).map((event) => event.version);
  const contiguous = versions.every((version, index) => version === index + 1);
  print(
    `Order state after both clerks: ${describeState(final.state)}; ` +
      `${versionRange(final.version)}${contiguous ? ' with no gaps' : ' WITH GAPS'}, ` +
      `${plural(conflicts, 'conflict')} resolved by retrying`,
  );
}

function itemCount(state: OrderState): string {
  const count = state.lines.length;
  return count === 0 ? 'no items' : plural(count, 'item');
}
