// The example in packages/core/README.md. readme-example.test.ts runs it and checks that the
// README's code block is the text between the two markers below, with '../index.js' read as
// '@aether/core', and that the README's output block is what main() returns.
// README:start
import {
  type Event,
  findVersionConflict,
  isVersionConflict,
  type Reducer,
  replay,
  ValidationError,
  VersionConflictError,
  validateEvent,
} from '../index.js';

// An order's events: a union that narrows on `eventType`.
type OrderPlaced = Event<'OrderPlaced', { customer: string }>;
type ItemAdded = Event<'ItemAdded', { sku: string; quantity: number }>;
type OrderEvent = OrderPlaced | ItemAdded;

interface Order {
  customer: string;
  items: Record<string, number>;
}

// A reducer folds one event into the state; `event.data` is typed by `event.eventType`.
const evolve: Reducer<Order, OrderEvent> = (order, event) => {
  switch (event.eventType) {
    case 'OrderPlaced':
      return { ...order, customer: event.data.customer };
    case 'ItemAdded': {
      const { sku, quantity } = event.data;
      return { ...order, items: { ...order.items, [sku]: (order.items[sku] ?? 0) + quantity } };
    }
  }
};

export function main(): string[] {
  const lines: string[] = [];
  const timestamp = new Date('2024-05-01T10:00:00.000Z');
  const placed: OrderPlaced = {
    id: 'evt-1',
    eventType: 'OrderPlaced',
    actorId: 'order-1',
    version: 1,
    data: { customer: 'Ada' },
    timestamp,
  };
  const added: ItemAdded = {
    id: 'evt-2',
    eventType: 'ItemAdded',
    actorId: 'order-1',
    version: 2,
    data: { sku: 'TEA-1', quantity: 2 },
    timestamp,
  };

  // Every store validates an event before writing it: you get a deeply frozen copy,
  // or a ValidationError that names the bad field.
  const stored = validateEvent(added);
  lines.push(`valid: ${stored.eventType} v${stored.version}, frozen: ${Object.isFrozen(stored.data)}`);
  try {
    validateEvent({ ...added, data: { sku: 'TEA-1', quantity: 10n } });
  } catch (err) {
    if (err instanceof ValidationError) lines.push(`rejected: ${err.message}`);
  }

  // State is derived by replaying events (or a snapshot plus the newer events).
  const { state, version } = replay([placed, added], evolve, { initial: { customer: '', items: {} } });
  lines.push(`Order state after replaying ${version} events: ${JSON.stringify(state)}`);

  // A store throws VersionConflictError when a writer's version is stale. isVersionConflict
  // also finds it inside `cause` chains and when it comes from another copy of this package.
  const failure: unknown = new Error('saving order-1 failed', {
    cause: new VersionConflictError({ actorId: 'order-1', attemptedVersion: 2, currentVersion: 2 }),
  });
  if (isVersionConflict(failure)) lines.push('stale write detected');
  const conflict = findVersionConflict(failure);
  if (conflict) lines.push(`retry from version ${conflict.currentVersion + 1}: ${conflict.message}`);
  return lines;
}
// README:end
