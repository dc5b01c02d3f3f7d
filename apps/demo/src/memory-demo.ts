import { LocalEventBus } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { eventFactory } from './order-events.js';
import { runOrderStory } from './story.js';

/** The default mode: the order story on the in-memory store and the in-process bus. */
export async function runMemoryDemo(print: (line: string) => void): Promise<void> {
  print('Aether demo: an order, event-sourced on the in-memory store\n');
  const bus = new LocalEventBus();
  try {
    await runOrderStory({
      store: new InMemoryEventStore(),
      bus,
      events: eventFactory(),
      print,
      namespace: 'shop.orders',
      orderId: 'order-1001',
      clerksOrderId: 'order-1002',
    });
  } finally {
    await bus.close();
  }
}
