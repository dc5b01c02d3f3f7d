import { isValidationError } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_JETSTREAM_CONFIG, defaultJetStreamConfig, type JetStreamConfig } from './options.js';
import { resolveConfig, resolveOptions } from './resolve-options.js';

const day = 24 * 60 * 60 * 1000;

describe('defaults', () => {
  it('keep events one year, on file, one replica, with a 2 minute duplicate window', () => {
    expect(DEFAULT_JETSTREAM_CONFIG).toEqual({
      storeName: 'aether',
      namespace: undefined,
      maxAge: 365 * day,
      replicas: 1,
      storage: 'file',
      duplicateWindow: 120_000,
    });
    expect(Object.isFrozen(DEFAULT_JETSTREAM_CONFIG)).toBe(true);
  });

  it('are handed out as a fresh copy to change', () => {
    const config = defaultJetStreamConfig();
    config.maxAge = 'forever';
    expect(DEFAULT_JETSTREAM_CONFIG.maxAge).toBe(365 * day);
  });
});

describe('resolveConfig', () => {
  it('derives the stream, subjects and snapshot bucket', () => {
    expect(resolveConfig({ storeName: 'orders' })).toEqual({
      storeName: 'orders',
      namespace: undefined,
      stream: 'orders',
      subjectPrefix: 'aether-store.orders',
      snapshotBucket: 'orders-snapshots',
      maxAgeMs: 365 * day,
      replicas: 1,
      storage: 'file',
      duplicateWindowMs: 120_000,
    });
  });

  it("accepts 'forever' and 0 as keeping events for ever", () => {
    expect(resolveConfig({ maxAge: 'forever' }).maxAgeMs).toBe(0);
    expect(resolveConfig({ maxAge: 0 }).maxAgeMs).toBe(0);
    expect(resolveConfig({ maxAge: 'forever' }).duplicateWindowMs).toBe(120_000);
  });

  it('shrinks the default duplicate window to a shorter maxAge, and refuses an explicit one above it', () => {
    expect(resolveConfig({ maxAge: 30_000 }).duplicateWindowMs).toBe(30_000);
    expect(() => resolveConfig({ maxAge: 30_000, duplicateWindow: 60_000 })).toThrow(/longer than maxAge/);
    expect(resolveConfig({ maxAge: 30_000, duplicateWindow: 10_000 }).duplicateWindowMs).toBe(10_000);
  });

  it('refuses the old option streamName, naming storeName, rather than ignore it', () => {
    const options = { streamName: 'orders' } as Partial<JetStreamConfig>;
    expect(() => resolveConfig(options)).toThrow(/invalid streamName: was renamed storeName/);
  });

  it.each([
    ['maxAge', { maxAge: 99 }],
    ['maxAge', { maxAge: 1.5e3 + 0.5 }],
    ['maxAge', { maxAge: -1 }],
    ['duplicateWindow', { duplicateWindow: 0 }],
    ['replicas', { replicas: 0 }],
    ['replicas', { replicas: 6 }],
    ['replicas', { replicas: 1.5 }],
    ['storage', { storage: 'disk' as never }],
    ['storeName', { storeName: 'a.b' }],
    ['storeName', { storeName: 'a__b' }],
    ['storeName', { storeName: '_a' }],
    ['storeName', { storeName: 'KV_orders' }],
    ['storeName', { storeName: 'OBJ_files' }],
    ['storeName', { storeName: '' }],
    ['namespace', { namespace: 'a..b' }],
    ['namespace', { namespace: 'x'.repeat(200) }],
    ['storeName', { storeName: 'x'.repeat(101) }],
  ])('refuses a bad %s', (field, options) => {
    let error: unknown;
    try {
      resolveConfig(options);
    } catch (err) {
      error = err;
    }
    expect(isValidationError(error)).toBe(true);
    expect((error as { field: string }).field).toBe(field);
  });
});

describe('resolveOptions', () => {
  it('adds the timeout and the cache sizes to the layout, 0 turning a cache off', () => {
    expect(resolveOptions({ storeName: 'orders' })).toEqual({
      config: resolveConfig({ storeName: 'orders' }),
      timeoutMs: 5000,
      cacheSizes: { headCacheSize: 10_000, historyCacheSize: 100_000, snapshotIndexSize: 100_000 },
    });
    expect(
      resolveOptions({ timeout: 1, headCacheSize: 0, historyCacheSize: 0, snapshotIndexSize: 0 }),
    ).toMatchObject({
      timeoutMs: 1,
      cacheSizes: { headCacheSize: 0, historyCacheSize: 0, snapshotIndexSize: 0 },
    });
  });

  it.each([
    ['timeout', { timeout: 0 }],
    ['timeout', { timeout: 1.5 }],
    ['headCacheSize', { headCacheSize: -1 }],
    ['historyCacheSize', { historyCacheSize: Number.NaN }],
    ['snapshotIndexSize', { snapshotIndexSize: 2.5 }],
    ['storeName', { storeName: 'a.b' }],
  ])('refuses a bad %s', (field, options) => {
    expect(() => resolveOptions(options)).toThrow(expect.objectContaining({ field }));
  });
});
