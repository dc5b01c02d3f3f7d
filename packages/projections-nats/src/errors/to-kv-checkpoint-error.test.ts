import { isRetryable } from '@aether/core';
import { ProjectionError } from '@aether/projections';
import { JetStreamApiError } from '@nats-io/jetstream';
import { errors } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';
import { isKvCheckpointError, KvCheckpointError } from './kv-checkpoint-error.js';
import { toKvCheckpointError } from './to-kv-checkpoint-error.js';

const map = (err: unknown) => toKvCheckpointError(err, 'checkpoints', 'reading lease.orders');
const apiError = (code: number) => new JetStreamApiError({ code: 400, err_code: code, description: 'x' });

describe('toKvCheckpointError', () => {
  it('maps each nats.js failure to a code, retryable only when trying again can help', () => {
    const cases: Array<[unknown, string, boolean]> = [
      [new errors.TimeoutError(), 'TIMEOUT', true],
      [new errors.RequestError('connection disconnected'), 'DISCONNECTED', true],
      [apiError(10009), 'NO_LEADER', true],
      [new errors.ClosedConnectionError(), 'CONNECTION_CLOSED', false],
      [
        new errors.RequestError('no responders', { cause: new errors.NoRespondersError('$JS.API.X') }),
        'JETSTREAM_NOT_ENABLED',
        false,
      ],
      [apiError(10039), 'JETSTREAM_NOT_ENABLED', false],
      [
        errors.PermissionViolationError.parse(
          'Permissions Violation for Publish to "$KV.checkpoints.lease.orders"',
        ),
        'PERMISSION_DENIED',
        false,
      ],
      [apiError(10077), 'SERVER_ERROR', false],
    ];
    for (const [cause, code, retryable] of cases) {
      const error = map(cause);
      expect(isKvCheckpointError(error, code as 'TIMEOUT'), code).toBe(true);
      expect(isRetryable(error), code).toBe(retryable);
      expect((error as Error).cause).toBe(cause);
      expect((error as Error).message).toMatch(
        /^projection checkpoints in NATS KV bucket "checkpoints": reading lease\.orders /,
      );
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('recognises a foreign copy of nats.js by error name, and says what to do', () => {
    const foreign = Object.assign(new Error('timeout'), { name: 'TimeoutError' });
    expect((map(foreign) as Error).message).toContain(
      'is the NATS server running and reachable? Retrying is safe',
    );
    const denied = map(
      errors.PermissionViolationError.parse('Permissions Violation for Publish to "$KV.checkpoints.x"'),
    );
    expect((denied as Error).message).toContain('"$KV.checkpoints.x"');
    expect((denied as Error).message).toContain('Retrying cannot help');
  });

  it('passes Aether errors and errors it does not know through unchanged', () => {
    const own = new KvCheckpointError('TIMEOUT', 'checkpoints', 'already mapped');
    const lost = new ProjectionError('LEASE_LOST', 'orders', 'lost');
    const unknown = new Error('something else');
    for (const error of [own, lost, unknown]) expect(map(error)).toBe(error);
  });
});
