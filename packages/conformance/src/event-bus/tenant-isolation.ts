import { expect, it } from 'vitest';
import type { BusPair } from '../bus-kit/bus-pair.js';
import { ids } from '../bus-kit/event-sequence.js';

export function tenantIsolationTests({ publisher, events, open, settle }: BusPair): void {
  it("isolates tenants: 'tenant-a.*' never receives 'tenant-b.*' events, nor the other way round", async () => {
    const tenantA = await open('tenant-a.*');
    const tenantB = await open('tenant-b.*');
    const sent = { 'tenant-a': [] as string[], 'tenant-b': [] as string[] };
    const publishTo = async (targets: readonly (readonly ['tenant-a' | 'tenant-b', string])[]) => {
      for (const [tenant, namespace] of targets) {
        const event = events.next();
        await publisher().publish(namespace, event);
        sent[tenant].push(event.id);
      }
    };
    await publishTo([
      ['tenant-b', 'tenant-b.orders'],
      ['tenant-a', 'tenant-a.orders'],
      ['tenant-b', 'tenant-b.billing'],
      ['tenant-b', 'tenant-b.orders'],
      ['tenant-a', 'tenant-a.billing'],
    ]);
    await settle();
    // One sentinel per tenant, published last: a leaked event would be read before it.
    await publishTo([
      ['tenant-a', 'tenant-a.orders'],
      ['tenant-b', 'tenant-b.orders'],
    ]);
    expect(ids(await tenantA.take(3, "tenant-a's events"))).toEqual(sent['tenant-a']);
    expect(ids(await tenantB.take(4, "tenant-b's events"))).toEqual(sent['tenant-b']);
  });
}
