import {
  type Delivery,
  type EventBus,
  type EventStore,
  findVersionConflict,
  isSnapshotStore,
  loadState,
  type Subscription,
} from '@aether/core';
import type { Clock } from '@aether/retry';
import { runClerks } from './clerks.js';
import { describeEvent, describeState, plural } from './format.js';
import { emptyOrder, type OrderEvent, orderReducer } from './order.js';
import type { EventFactory } from './order-events.js';

export interface StoryContext {
  store: EventStore;
  bus: EventBus;
  events: EventFactory;
  print: (line: string) => void;
  /** Where the story lives: the bus namespace and the order's actor id. */
  namespace: string;
  orderId: string;
  /** The order two concurrent clerks update at the end of the story. */
  clerksOrderId: string;
  /** Where retries wait (default: real time); tests inject a virtual clock. */
  clock?: Clock;
}

const storyEventCount = 4;

/**
 * The order's life in a few steps: place it, add an item, watch a stale writer get rejected,
 * replay the state, snapshot it, and see a bus subscriber receive every event. Then two clerks
 * update another order at the same time through handleCommand and the order's decider,
 * their conflict resolved by deciding again.
 */
export async function runOrderStory(context: StoryContext): Promise<void> {
  const { store, bus, events, print, namespace, orderId } = context;
  const received = collect(bus.subscribe(namespace), storyEventCount);
  print(`Subscriber listening on namespace "${namespace}"`);

  const save = async (event: OrderEvent) => {
    await store.saveEvent(event);
    await bus.publish(namespace, event);
    print(`Saved ${describeEvent(event)}`);
  };

  await save(events.next(orderId, 1, 'OrderPlaced', { customer: 'Ada Lovelace' }));
  await save(events.next(orderId, 2, 'ItemAdded', { sku: 'TEA-EARL-GREY', quantity: 2, priceCents: 450 }));
  await rejectStaleWrite(context);

  const replayed = await loadState(store, orderId, orderReducer, emptyOrder);
  print(`Order state after replaying ${plural(replayed.applied, 'event')}: ${describeState(replayed.state)}`);

  if (isSnapshotStore(store)) {
    await store.saveSnapshot({
      actorId: orderId,
      version: replayed.version,
      state: replayed.state,
      timestamp: new Date(),
    });
    print(`Snapshot saved at version ${replayed.version}`);
  }
  await save(events.next(orderId, 3, 'ItemAdded', { sku: 'SCONE', quantity: 1, priceCents: 300 }));
  await save(events.next(orderId, 4, 'OrderShipped', { carrier: 'Royal Mail' }));

  const latest = await loadState(store, orderId, orderReducer, emptyOrder);
  print(
    `Order state from snapshot v${latest.snapshotVersion ?? 0} + ${plural(latest.applied, 'newer event')}: ` +
      describeState(latest.state),
  );

  const deliveries = await received;
  print(
    `Subscriber received ${plural(deliveries.length, 'event')}: ` +
      deliveries.map(({ event }) => `${event.eventType} v${event.version}`).join(', '),
  );

  await runClerks({
    store,
    print,
    orderId: context.clerksOrderId,
    clock: context.clock,
    publish: (event) => bus.publish(namespace, event),
  });
}

/** A second writer still believes the order is at version 1: the store must refuse its write. */
async function rejectStaleWrite({ store, events, print, orderId }: StoryContext): Promise<void> {
  try {
    await store.saveEvent(
      events.next(orderId, 2, 'ItemAdded', { sku: 'SCONE', quantity: 1, priceCents: 300 }),
    );
  } catch (error) {
    const conflict = findVersionConflict(error);
    if (conflict === undefined) throw error;
    print(
      `Stale write rejected: ${conflict.name} actorId=${conflict.actorId} ` +
        `attemptedVersion=${conflict.attemptedVersion} currentVersion=${conflict.currentVersion}`,
    );
    return;
  }
  throw new Error('the store accepted a stale write; it must reject it with a VersionConflictError');
}

/** Reads `count` deliveries, then ends the subscription (leaving the loop unsubscribes). */
async function collect(subscription: Subscription, count: number): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for await (const delivery of subscription) {
    deliveries.push(delivery);
    if (deliveries.length === count) break;
  }
  return deliveries;
}
