import type { RecordedEvent } from '@aether/core';
import { expect, it } from 'vitest';
import { eventFactory } from './order-events.js';
import { type OrderSummary, summariesFromLog } from './order-summary.js';
import { compareSummaries } from './summaries-compare.js';

const events = eventFactory({ newId: () => 'id', now: () => new Date(0) });
const log: RecordedEvent[] = [
  { position: 1, event: events.next('order-1', 1, 'OrderPlaced', { customer: 'Ada' }) },
  {
    position: 2,
    event: events.next('order-1', 2, 'ItemAdded', { sku: 'MUG', quantity: 2, priceCents: 450 }),
  },
  {
    position: 3,
    event: events.next('order-2', 1, 'ItemAdded', { sku: 'TEA', quantity: 1, priceCents: 300 }),
  },
  { position: 3, event: events.next('order-1', 3, 'OrderShipped', { carrier: 'Royal Mail' }) },
];

const ada: OrderSummary = {
  customer: 'Ada',
  items: 2,
  totalCents: 900,
  status: 'shipped',
  version: 3,
  events: 3,
};

it("replays the log through the order's reducer: one summary per order", () => {
  expect(summariesFromLog(log)).toEqual(
    new Map([
      ['order-1', ada],
      ['order-2', { customer: null, items: 1, totalCents: 300, status: 'new', version: 1, events: 1 }],
    ]),
  );
});

it('names every difference between the table and the log: missing, extra and wrong rows', () => {
  const expected = summariesFromLog(log);
  expect(compareSummaries(expected, expected)).toEqual([]);
  const table = new Map([
    ['order-1', { ...ada, events: 4, items: 3 }],
    ['order-9', ada],
  ]);
  expect(compareSummaries(table, expected)).toEqual([
    'order-1 items 3, the log says 2',
    'order-1 events 4, the log says 3',
    'order-2 missing from the table',
    'order-9 in the table but not in the log',
  ]);
  expect(compareSummaries(table, expected, 2)).toEqual([
    'order-1 items 3, the log says 2',
    'order-1 events 4, the log says 3',
    'and 2 more differences',
  ]);
});
