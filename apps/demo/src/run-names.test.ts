import { describe, expect, it } from 'vitest';
import { describeRetention } from './retention.js';
import { newRunId, runNames, WATCH_PATTERN } from './run-names.js';

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

describe('describeRetention', () => {
  it('says days, for ever, or milliseconds', () => {
    expect(describeRetention(365 * 86_400_000)).toBe('kept 365 days');
    expect(describeRetention(86_400_000)).toBe('kept 1 day');
    expect(describeRetention(0)).toBe('kept for ever');
    expect(describeRetention(1500)).toBe('kept 1500 ms');
  });
});
