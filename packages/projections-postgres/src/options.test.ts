import { isValidationError } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options.js';

describe('postgresCheckpoints options', () => {
  it('puts the tables in public, named aether_checkpoints and aether_parked_events, by default', () => {
    expect(resolveOptions()).toMatchObject({
      schema: 'public',
      checkpoints: '"public"."aether_checkpoints"',
      parked: '"public"."aether_parked_events"',
      names: ['public.aether_checkpoints', 'public.aether_parked_events'],
      transactionIdleTimeoutMs: 15_000,
    });
  });

  it('takes a schema and a table prefix of the user', () => {
    expect(resolveOptions({ schema: 'read_models', tablePrefix: 'orders_' })).toMatchObject({
      checkpoints: '"read_models"."orders_checkpoints"',
      parked: '"read_models"."orders_parked_events"',
    });
    expect(resolveOptions({ tablePrefix: '' }).checkpoints).toBe('"public"."checkpoints"');
  });

  it.each([
    [{ schema: 'Public' }, 'schema'],
    [{ schema: 'a"; DROP TABLE x; --' }, 'schema'],
    [{ schema: '' }, 'schema'],
    [{ schema: 'x'.repeat(64) }, 'schema'],
    [{ tablePrefix: '1st_' }, 'tablePrefix'],
    [{ tablePrefix: 'with space' }, 'tablePrefix'],
    [{ transactionIdleTimeoutMs: 10 }, 'transactionIdleTimeoutMs'],
    [{ transactionIdleTimeoutMs: 1.5 }, 'transactionIdleTimeoutMs'],
  ])('refuses %o with a ValidationError naming the field', (options, field) => {
    let error: unknown;
    try {
      resolveOptions(options);
    } catch (caught) {
      error = caught;
    }
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field });
  });
});
