// README:start
import { InMemoryEventStore } from '@aether/store-memory';
import { describe } from 'vitest';
import { orderSpecs } from './order-specs.js';

describe('the order, decided directly', () => orderSpecs());
describe('the order, through handleCommand on the in-memory store', () =>
  orderSpecs({ store: { open: () => new InMemoryEventStore() } }));
// README:end
