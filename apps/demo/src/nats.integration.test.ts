import { natsUrl } from '@aether/nats-harness/vitest';
import { expect, it } from 'vitest';
import { runDemo } from './test-support/run-demo.js';

it('--nats tells the same story on JetStream and the NATS bus, in its own stream', async () => {
  const { code, stdout, stderr } = await runDemo(['--nats', natsUrl()]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const lines = stdout.split('\n');
  expect(lines[0]).toMatch(/^Aether demo: an order, event-sourced on NATS JetStream at 127\.0\.0\.1:\d+$/);
  const [, runId] = /^Run ([a-z0-9]+-[a-z0-9]{4}): /.exec(lines[1] ?? '') ?? [];
  expect(lines[1]).toBe(
    `Run ${runId}: events in stream aether-demo-${runId} (kept 365 days, the store's default), ` +
      `published on bus namespace "orders.${runId}"`,
  );
  // The story itself: the same lines as on the in-memory store.
  expect(lines.slice(3, 13)).toEqual([
    `Subscriber listening on namespace "orders.${runId}"`,
    'Saved OrderPlaced  order-1001 v1 {"customer":"Ada Lovelace"}',
    'Saved ItemAdded    order-1001 v2 {"sku":"TEA-EARL-GREY","quantity":2,"priceCents":450}',
    'Stale write rejected: VersionConflictError actorId=order-1001 attemptedVersion=2 currentVersion=2',
    'Order state after replaying 2 events: placed, customer Ada Lovelace, 2x TEA-EARL-GREY, total 9.00',
    'Snapshot saved at version 2',
    'Saved ItemAdded    order-1001 v3 {"sku":"SCONE","quantity":1,"priceCents":300}',
    'Saved OrderShipped order-1001 v4 {"carrier":"Royal Mail"}',
    'Order state from snapshot v2 + 2 newer events: shipped, customer Ada Lovelace, 2x TEA-EARL-GREY, 1x SCONE, total 12.00',
    'Subscriber received 4 events: OrderPlaced v1, ItemAdded v2, ItemAdded v3, OrderShipped v4',
  ]);
  // The clerks race for real here, so who wins varies; the outcome does not.
  expect(stdout).toContain(
    'Two clerks update order-1002 at the same time, each command through handleCommand:',
  );
  expect(stdout).toMatch(
    /Clerk (Ada|Bob): conflict, tried v\d but order-1002 is at v\d; deciding again in \d+ ms/,
  );
  expect(lines.at(-2)).toMatch(
    /^Order state after both clerks: shipped, customer Grace Hopper, .*, 1x GIFT-BOX, total 62\.00; versions 1-7 with no gaps, [1-9]\d* conflicts? resolved by deciding again$/,
  );
  expect(lines.slice(-6, -2)).toEqual([
    'Clerk Ada: sees an order with 4 items, decides: pack it in a GIFT-BOX and ship it (one decision, two events)',
    'Clerk Ada: saved ItemAdded v6 and OrderShipped v7 in one saveEvents call (atomic: both or neither)',
    'Clerk Bob: sees a shipped order, decides: add 1x NAPKIN',
    'Clerk Bob: refused with OrderNotOpenError (never retried, nothing stored): the order has shipped, no more changes',
  ]);
});

it('runs never collide: two at once each get their own stream', async () => {
  const [first, second] = await Promise.all([runDemo(['--nats', natsUrl()]), runDemo(['--nats', natsUrl()])]);
  for (const run of [first, second]) {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Subscriber received 4 events');
  }
  const streamOf = (stdout: string) => /in stream (\S+)/.exec(stdout)?.[1];
  expect(streamOf(first.stdout)).not.toBe(streamOf(second.stdout));
});
