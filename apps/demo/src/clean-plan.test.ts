import { describe, expect, it } from 'vitest';
import { countLeftovers, describeLeftover, type Leftover, selectLeftovers } from './clean-plan.js';

const now = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

const streams = [
  { name: 'orders', created: hoursAgo(1000), messages: 7 },
  { name: 'aether-demo-new1-aaaa', created: hoursAgo(1), messages: 13 },
  { name: 'KV_aether-demo-old1-bbbb-snapshots', created: hoursAgo(48), messages: 1 },
  { name: 'aether-demo-old1-bbbb', created: hoursAgo(48), messages: 200 },
  { name: 'KV_shop-snapshots', created: hoursAgo(1000), messages: 3 },
];

describe('selectLeftovers', () => {
  it("picks the runs' streams and snapshot buckets, a run's stream before its bucket, and nothing else", () => {
    expect(
      selectLeftovers(streams, undefined, now).map(({ kind, name, stream }) => [kind, name, stream]),
    ).toEqual([
      ['stream', 'aether-demo-new1-aaaa', 'aether-demo-new1-aaaa'],
      ['stream', 'aether-demo-old1-bbbb', 'aether-demo-old1-bbbb'],
      ['snapshot bucket', 'aether-demo-old1-bbbb-snapshots', 'KV_aether-demo-old1-bbbb-snapshots'],
    ]);
  });

  it('with --older-than, keeps whatever was created more recently', () => {
    const day = { text: '1d', ms: 86_400_000 };
    expect(selectLeftovers(streams, day, now).map(({ name }) => name)).toEqual([
      'aether-demo-old1-bbbb',
      'aether-demo-old1-bbbb-snapshots',
    ]);
    expect(selectLeftovers(streams, { text: '48h', ms: 48 * 3_600_000 }, now)).toEqual([]);
  });
});

describe('describing leftovers', () => {
  const [fresh, old, bucket] = selectLeftovers(streams, undefined, now) as [Leftover, Leftover, Leftover];

  it('names each with what it holds and when it was created, in UTC', () => {
    expect(describeLeftover(fresh)).toBe(
      'stream aether-demo-new1-aaaa (13 messages, created 2026-03-10 11:00:00 UTC)',
    );
    expect(describeLeftover(bucket)).toBe(
      'snapshot bucket aether-demo-old1-bbbb-snapshots (1 snapshot, created 2026-03-08 12:00:00 UTC)',
    );
  });

  it('counts streams and buckets, in the singular for one', () => {
    expect(countLeftovers([fresh, old, bucket])).toBe('2 streams and 1 snapshot bucket');
    expect(countLeftovers([fresh])).toBe('1 stream');
    expect(countLeftovers([bucket])).toBe('1 snapshot bucket');
    expect(countLeftovers([])).toBe('0 streams');
  });
});
