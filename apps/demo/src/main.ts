#!/usr/bin/env node
import { LocalEventBus } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { parseArguments, usage } from './arguments.js';
import { eventFactory } from './order-events.js';
import { runOrderStory } from './story.js';

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if (parsed.kind === 'help') {
    console.log(usage);
    return 0;
  }
  if (parsed.kind === 'error') {
    console.error(`aether-demo: ${parsed.message} (see --help)`);
    return 2;
  }
  console.log('Aether demo: an order, event-sourced on the in-memory store\n');
  const bus = new LocalEventBus();
  try {
    await runOrderStory({
      store: new InMemoryEventStore(),
      bus,
      events: eventFactory(),
      print: (line) => console.log(line),
      namespace: 'shop.orders',
      orderId: 'order-1001',
    });
  } finally {
    await bus.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // One clear line, not a stack dump: the demo is the first thing a newcomer runs.
    console.error(`aether-demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
