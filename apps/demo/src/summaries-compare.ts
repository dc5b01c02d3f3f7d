import { plural } from './format.js';
import type { OrderSummary } from './order-summary.js';

const fields = ['customer', 'items', 'totalCents', 'status', 'version', 'events'] as const;

/**
 * The differences between the table and what the log computes, one phrase each (at most `limit`,
 * then how many more); empty when they are equal.
 */
export function compareSummaries(
  table: ReadonlyMap<string, OrderSummary>,
  log: ReadonlyMap<string, OrderSummary>,
  limit = 5,
): string[] {
  const differences: string[] = [];
  for (const [orderId, expected] of log) {
    const row = table.get(orderId);
    if (row === undefined) {
      differences.push(`${orderId} missing from the table`);
      continue;
    }
    for (const field of fields) {
      if (row[field] !== expected[field]) {
        differences.push(
          `${orderId} ${field} ${JSON.stringify(row[field])}, the log says ${JSON.stringify(expected[field])}`,
        );
      }
    }
  }
  for (const orderId of table.keys()) {
    if (!log.has(orderId)) differences.push(`${orderId} in the table but not in the log`);
  }
  if (differences.length <= limit) return differences;
  return [...differences.slice(0, limit), `and ${plural(differences.length - limit, 'more difference')}`];
}
