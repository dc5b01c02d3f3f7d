import { describe, expect, it } from 'vitest';
import type { Metric } from '../model.js';
import type { ContenderResult } from './results.js';
import { describeTarget, evaluateTargets } from './targets.js';

const throughput: Metric = { unit: 'events/s', better: 'higher' };
const latency: Metric = { unit: 'ms', better: 'lower' };
const measured = (name: string, median: number | undefined): ContenderResult =>
  median === undefined ? { name, values: [], error: 'broke' } : { name, median, values: [median] };

describe('evaluateTargets', () => {
  const aether = measured('Aether', 900);
  const raw = [measured('raw nats.js', 1000), measured('raw nats.js + JSON', 600)];

  it('checks an absolute bound against Aether’s own median', () => {
    const [low, high] = evaluateTargets([{ min: 800 }, { min: 1000 }], throughput, aether, raw);
    expect(low?.met).toBe(true);
    expect(high?.met).toBe(false);
  });

  it('checks a ratio bound against the named baseline, not another one', () => {
    const [result] = evaluateTargets([{ against: 'raw nats.js', min: 0.9 }], throughput, aether, raw);
    expect(result).toEqual({ label: 'Aether / raw nats.js ≥ 0.9×', met: true });
    const [missed] = evaluateTargets([{ against: 'raw nats.js', min: 0.95 }], throughput, aether, raw);
    expect(missed?.met).toBe(false);
  });

  it('checks an upper bound, inclusive', () => {
    const [atBound] = evaluateTargets([{ against: 'raw nats.js + JSON', max: 1.5 }], latency, aether, raw);
    expect(atBound?.met).toBe(true);
    const [over] = evaluateTargets([{ against: 'raw nats.js + JSON', max: 1.49 }], latency, aether, raw);
    expect(over?.met).toBe(false);
  });

  it('needs both bounds of a range', () => {
    const [inside] = evaluateTargets([{ min: 800, max: 1000 }], throughput, aether, raw);
    const [outside] = evaluateTargets([{ min: 800, max: 850 }], throughput, aether, raw);
    expect(inside?.met).toBe(true);
    expect(outside?.met).toBe(false);
  });

  it('says unknown, not met or missed, when a figure is missing', () => {
    const failed = measured('Aether', undefined);
    expect(evaluateTargets([{ min: 1 }], throughput, failed, raw)[0]?.met).toBeUndefined();
    expect(evaluateTargets([{ against: 'Emmett', min: 1 }], throughput, aether, raw)[0]?.met).toBeUndefined();
  });
});

describe('describeTarget', () => {
  it('writes an absolute bound in the metric’s unit', () => {
    expect(describeTarget({ min: 5_000_000 }, throughput)).toBe('≥ 5,000,000 events/s');
  });

  it('writes a ratio bound as Aether / baseline', () => {
    expect(describeTarget({ against: 'Castore', max: 1 }, latency)).toBe('Aether / Castore ≤ 1×');
  });

  it('joins both bounds of a range', () => {
    expect(describeTarget({ min: 1, max: 2 }, latency)).toBe('≥ 1 ms and ≤ 2 ms');
  });
});
