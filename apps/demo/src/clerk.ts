import { type CommandResult, handleCommand } from '@aether/commands';
import { type EventStore, findVersionConflict } from '@aether/core';
import { type Clock, exponential } from '@aether/retry';
import { plural } from './format.js';
import type { OrderEvent, OrderState } from './order.js';
import { type OrderCommand, orderDecider } from './order-decider.js';

export interface ClerkDesk {
  store: EventStore;
  print: (line: string) => void;
  /** The order the clerks work on. */
  orderId: string;
  /** Where retries wait; the story test injects a virtual clock so it never sleeps. */
  clock?: Clock | undefined;
  /** Announces each stored event (on the bus, where `watch --bus` sees it). */
  publish: (event: OrderEvent) => Promise<void>;
  /** Counts the conflicts handleCommand retried, for the story's last line. */
  onConflict: () => void;
}

// No jitter, so the demo prints the same waits every time; with many writers keep handleCommand's
// default (jittered) backoff so that they do not retry in lockstep.
const backoff = exponential({ initialDelayMs: 20, factor: 2 });

/**
 * One clerk's command, through handleCommand and the order's decider: it loads the order, decides,
 * stores the decision's events in one saveEvents call, and on a version conflict loads and decides
 * again. Each decision is printed with the state it was made on, so a retry shows the fresh state.
 */
export async function clerkCommand(
  desk: ClerkDesk,
  clerk: string,
  command: OrderCommand,
): Promise<CommandResult<OrderState, OrderEvent>> {
  const { store, print, orderId } = desk;
  const decider = {
    ...orderDecider,
    decide: (command: OrderCommand, order: OrderState) => {
      print(`Clerk ${clerk}: sees ${describeOrder(order)}, decides: ${describeCommand(command)}`);
      return orderDecider.decide(command, order);
    },
  };
  const result = await handleCommand(store, orderId, command, decider, {
    ...(desk.clock && { clock: desk.clock }),
    retry: {
      backoff,
      onRetry: (_attempt, delayMs, error) => {
        desk.onConflict();
        const conflict = findVersionConflict(error);
        print(
          `Clerk ${clerk}: conflict, tried v${conflict?.attemptedVersion} but ${orderId} is at ` +
            `v${conflict?.currentVersion}; deciding again in ${delayMs} ms`,
        );
      },
    },
  });
  for (const event of result.events) await desk.publish(event);
  const saved = result.events.map((event) => `${event.eventType} v${event.version}`).join(' and ');
  const how = result.events.length > 1 ? ' in one saveEvents call (atomic: both or neither)' : '';
  const attempt = result.attempts > 1 ? ` (attempt ${result.attempts})` : '';
  print(`Clerk ${clerk}: saved ${saved}${how}${attempt}`);
  return result;
}

function describeCommand(command: OrderCommand): string {
  switch (command.type) {
    case 'PlaceOrder':
      return `place it for ${command.customer}`;
    case 'AddItem':
      return `add ${command.item.quantity}x ${command.item.sku}`;
    case 'PackAndShip':
      return `pack it in a ${command.box.sku} and ship it (one decision, two events)`;
  }
}

function describeOrder(order: OrderState): string {
  if (order.status === 'new') return 'a new order';
  if (order.status === 'shipped') return 'a shipped order';
  return `an order with ${order.lines.length === 0 ? 'no items' : plural(order.lines.length, 'item')}`;
}
