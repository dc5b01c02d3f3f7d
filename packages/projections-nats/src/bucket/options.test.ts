import { isValidationError } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { KV_CHECKPOINTS_DEFAULTS, type KvCheckpointsOptions, resolveKvOptions } from './options.js';

describe('kvCheckpoints options', () => {
  it('default to one file-stored replica keeping one value per key in "aether-projections"', () => {
    expect(resolveKvOptions()).toMatchObject({ ...KV_CHECKPOINTS_DEFAULTS, now: Date.now });
    expect(KV_CHECKPOINTS_DEFAULTS).toEqual({
      bucket: 'aether-projections',
      replicas: 1,
      history: 1,
      storage: 'file',
      timeoutMs: 5_000,
    });
  });

  it('refuse a bad option with a ValidationError naming it', () => {
    const bad: Array<[KvCheckpointsOptions, string]> = [
      [{ bucket: 'a.b' }, 'bucket'],
      [{ replicas: 0 }, 'replicas'],
      [{ replicas: 1.5 }, 'replicas'],
      [{ history: 65 }, 'history'],
      [{ storage: 'disk' as 'file' }, 'storage'],
      [{ timeoutMs: 0 }, 'timeoutMs'],
      [{ now: 5 as unknown as () => number }, 'now'],
    ];
    for (const [options, field] of bad) {
      let error: unknown;
      try {
        resolveKvOptions(options);
      } catch (err) {
        error = err;
      }
      expect(isValidationError(error), field).toBe(true);
      expect((error as { field: string }).field).toBe(field);
    }
  });
});
