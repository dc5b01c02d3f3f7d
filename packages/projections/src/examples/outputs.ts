// What each example prints; examples.test.ts runs them and checks these lines, and readme.test.ts
// checks that the README shows exactly these lines after each example.
export const exampleOutputs: Record<string, string[]> = {
  'quick-start': [
    'caught up at position 3',
    'order-1: Ada, 1 item(s), 4',
    'order-2: Grace, 1 item(s), 6',
    'live at position 4, 0 events and 0 s behind',
    'stopped',
  ],
  poison: [
    'parked position 2 after 2 attempts: price "6 EUR" is not a number',
    'at position 3, 1 parked',
    're-played position 2: true',
    '{"tea":4,"jam":3,"cake":6}',
  ],
  rebuild: ['serving sales.v2: shop-1 has 3 sales, 100 total', 'sales.v1 stopped, sales.v2 live at 3'],
};
