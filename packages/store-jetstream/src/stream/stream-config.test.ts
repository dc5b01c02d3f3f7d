import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../options/resolve-options.js';
import { desiredStreamConfig, diffStreamConfig, formatDuration } from './stream-config.js';

const config = resolveConfig({ storeName: 'orders' });

describe('desiredStreamConfig', () => {
  it('asks for an immutable stream with direct gets and no count or size limits', () => {
    expect(desiredStreamConfig(config)).toMatchObject({
      name: 'orders',
      subjects: ['aether-store.orders.*'],
      retention: 'limits',
      deny_delete: true,
      deny_purge: true,
      allow_rollup_hdrs: false,
      allow_direct: true,
      max_msgs: -1,
      max_bytes: -1,
      max_msgs_per_subject: -1,
      max_age: 365 * 24 * 3600 * 1e9,
      duplicate_window: 120e9,
      num_replicas: 1,
      storage: 'file',
    });
  });
});

describe('diffStreamConfig', () => {
  it('finds nothing to report in the stream the store would create', () => {
    expect(diffStreamConfig(config, desiredStreamConfig(config))).toEqual([]);
  });

  it('names every difference with the value the store needs', () => {
    const actual = {
      ...desiredStreamConfig(config),
      subjects: ['aether-store.orders.*', 'other.>'],
      retention: 'workqueue' as const,
      num_replicas: 3,
      max_age: 0,
      max_msgs_per_subject: 5,
      deny_delete: false,
      allow_rollup_hdrs: true,
      allow_direct: false,
      sealed: true,
    };
    expect(diffStreamConfig(config, actual)).toEqual([
      'subjects is ["aether-store.orders.*","other.>"] (the store needs ["aether-store.orders.*"])',
      'retention is workqueue (the store needs limits)',
      'num_replicas is 3 (the store needs 1)',
      'max_age is forever (the store needs 365d)',
      'max_msgs_per_subject is 5 (the store needs no limit: a limit silently drops old events)',
      'deny_delete is false (the store needs true)',
      'allow_rollup_hdrs is true (the store needs false)',
      'allow_direct is false (the store needs true)',
      'sealed is true (the store needs a stream it can append to)',
    ]);
  });

  it('reports flags an old server left out as missing', () => {
    const { deny_purge: _purge, allow_direct: _direct, ...withoutNewerFlags } = desiredStreamConfig(config);
    expect(diffStreamConfig(config, withoutNewerFlags)).toEqual([
      'deny_purge is false (the store needs true)',
      'allow_direct is false (the store needs true)',
    ]);
  });
});

describe('formatDuration', () => {
  it('writes the largest whole unit, and 0 as forever', () => {
    expect(formatDuration(0)).toBe('forever');
    expect(formatDuration(365 * 86_400_000)).toBe('365d');
    expect(formatDuration(120_000)).toBe('2m');
    expect(formatDuration(1500)).toBe('1500ms');
  });
});
