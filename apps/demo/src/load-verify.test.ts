import type { AnyEvent } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { verifyLoad } from './load-verify.js';

function item(version: number, sku: string, id = `id-${sku}`): AnyEvent {
  return {
    id,
    eventType: 'ItemAdded',
    actorId: 'order-3001',
    version,
    data: { sku, quantity: 1, priceCents: 100 },
    timestamp: new Date(0),
  };
}

const good = [item(1, 'W2-1'), item(2, 'W1-1'), item(3, 'W1-2'), item(4, 'W2-2')];
const expected = { writers: 2, events: 2 };

describe('verifyLoad', () => {
  it('passes N x M events, versions 1..N x M, every item once, in any interleaving', () => {
    expect(verifyLoad('order-3001', good, expected)).toEqual({
      ok: true,
      line:
        'Verified order-3001: 4 events (2 writers x 2), versions 1-4 contiguous, ' +
        "each writer's 2 items exactly once",
    });
  });

  it('fails a missing event', () => {
    expect(verifyLoad('order-3001', good.slice(0, 3), expected)).toEqual({
      ok: false,
      line: 'Verification FAILED for order-3001: expected 4 events, found 3; 1 item missing',
    });
  });

  it('fails a gap in the versions', () => {
    const gap = [good[0], good[1], item(4, 'W1-2'), item(5, 'W2-2')] as AnyEvent[];
    expect(verifyLoad('order-3001', gap, expected).line).toBe(
      'Verification FAILED for order-3001: version 4 where 3 belongs',
    );
  });

  it('fails an item stored twice, an event no writer wrote and a reused id', () => {
    const twice = [item(1, 'W2-1'), item(2, 'W1-1'), item(3, 'W1-1', 'id-W2-1'), item(4, 'X')];
    expect(verifyLoad('order-3001', twice, expected)).toEqual({
      ok: false,
      line:
        'Verification FAILED for order-3001: W1-1 stored 2 times; 2 items missing; ' +
        '1 event no writer wrote; duplicate event ids',
    });
  });
});

describe('verifyLoad in the singular', () => {
  it('speaks of one writer, one item and one version', () => {
    expect(verifyLoad('order-3001', [item(1, 'W1-1')], { writers: 1, events: 1 }).line).toBe(
      "Verified order-3001: 1 event (1 writer x 1), version 1, the writer's 1 item exactly once",
    );
  });
});
