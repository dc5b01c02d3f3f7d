import { describe, expect, it } from 'vitest';
import { describeRetention } from './retention.js';
import { newRunId, runLeftoverOf, runNames, WATCH_PATTERN } from './run-names.js';

describe('run names', () => {
  it('makes a run id from the time and a random part', () => {
    expect(
      newRunId(
        () => 36 ** 3,
        () => 0,
      ),
    ).toBe('1000-0000');
    expect(
      newRunId(
        () => 0,
        () => 0.999999999,
      ),
    ).toBe('0-zzzz');
  });

  it("puts a run in its own stream and namespace, which watch's pattern covers", () => {
    expect(runNames('abc-1234')).toEqual({
      runId: 'abc-1234',
      streamName: 'aether-demo-abc-1234',
      namespace: 'orders.abc-1234',
    });
    expect(WATCH_PATTERN).toBe('orders.*');
  });
});

describe('runLeftoverOf', () => {
  it("recognises a run's stream and the stream of its snapshot bucket", () => {
    const { streamName } = runNames(newRunId());
    expect(runLeftoverOf(streamName)).toEqual({ kind: 'stream', name: streamName });
    expect(runLeftoverOf(`KV_${streamName}-snapshots`)).toEqual({
      kind: 'snapshot bucket',
      name: `${streamName}-snapshots`,
    });
  });

  it('leaves every other stream alone, even one whose name starts like the demo’s', () => {
    for (const name of [
      'aether',
      'orders',
      'aether-demo',
      'aether-demo-',
      'aether-demo-prod',
      'aether-demo-abc-1234-archive',
      'aether-demo-ABC-1234',
      'xaether-demo-abc-1234',
      'KV_aether-demo-abc-1234',
      'KV_aether-demo-prod-snapshots',
      'KV_other-snapshots',
      'OBJ_aether-demo-abc-1234-snapshots',
    ]) {
      expect(runLeftoverOf(name), name).toBeUndefined();
    }
  });
});

describe('describeRetention', () => {
  it('says days, for ever, or milliseconds', () => {
    expect(describeRetention(365 * 86_400_000)).toBe('kept 365 days');
    expect(describeRetention(86_400_000)).toBe('kept 1 day');
    expect(describeRetention(0)).toBe('kept for ever');
    expect(describeRetention(1500)).toBe('kept 1500 ms');
  });
});
