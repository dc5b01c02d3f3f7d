import type { AnyEvent } from '@aether/core';
import { plural, versionRange } from './format.js';
import { loadSku } from './load-protocol.js';

export interface LoadVerification {
  ok: boolean;
  /** One line: what was verified, or every problem found. */
  line: string;
}

/**
 * Checks what `load` promises: the order holds exactly writers × events events, versions
 * 1..total with no gap, and each writer's items (`W<writer>-<n>`) exactly once.
 */
export function verifyLoad(
  orderId: string,
  stored: readonly AnyEvent[],
  expected: { writers: number; events: number },
): LoadVerification {
  const total = expected.writers * expected.events;
  const problems: string[] = [];
  if (stored.length !== total) problems.push(`expected ${plural(total, 'event')}, found ${stored.length}`);

  const wrongVersion = stored.findIndex((event, index) => event.version !== index + 1);
  if (wrongVersion !== -1) {
    problems.push(`version ${stored[wrongVersion]?.version} where ${wrongVersion + 1} belongs`);
  }

  const skus = new Map<string, number>();
  for (const event of stored) {
    const sku = skuOf(event);
    skus.set(sku, (skus.get(sku) ?? 0) + 1);
  }
  let missing = 0;
  for (let writer = 1; writer <= expected.writers; writer++) {
    for (let n = 1; n <= expected.events; n++) {
      const seen = skus.get(loadSku(writer, n)) ?? 0;
      if (seen === 0) missing++;
      skus.delete(loadSku(writer, n));
      if (seen > 1) problems.push(`${loadSku(writer, n)} stored ${seen} times`);
    }
  }
  if (missing > 0) problems.push(`${plural(missing, 'item')} missing`);
  if (skus.size > 0) problems.push(`${plural(skus.size, 'event')} no writer wrote`);
  if (new Set(stored.map((event) => event.id)).size !== stored.length) problems.push('duplicate event ids');

  if (problems.length > 0)
    return { ok: false, line: `Verification FAILED for ${orderId}: ${problems.join('; ')}` };
  return {
    ok: true,
    line:
      `Verified ${orderId}: ${plural(total, 'event')} (${plural(expected.writers, 'writer')} x ${expected.events}), ` +
      `${versionRange(total)}${total === 1 ? '' : ' contiguous'}, ` +
      `${expected.writers === 1 ? 'the' : 'each'} writer's ${plural(expected.events, 'item')} exactly once`,
  };
}

function skuOf(event: AnyEvent): string {
  const data = event.data as { sku?: unknown } | null;
  return typeof data?.sku === 'string' ? data.sku : `(${event.eventType} without sku)`;
}
