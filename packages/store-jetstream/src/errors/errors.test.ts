import { isRetryable, ValidationError, VersionConflictError } from '@aether/core';
import { JetStreamApiError } from '@nats-io/jetstream';
import { errors } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';
import { ConnectionDownError } from '../connection/connection-down-error.js';
import { isJetStreamStoreError, JetStreamStoreError } from './store-error.js';
import { type ErrorContext, toStoreError } from './to-store-error.js';

const save: ErrorContext = {
  operation: 'save',
  stream: 'orders',
  actorId: 'order-1',
  eventId: 'evt-9',
  version: 3,
  count: 1,
  duplicateWindowMs: 120_000,
};
const read: ErrorContext = { operation: 'read', stream: 'orders', actorId: 'order-1' };

function apiError(code: number, description = 'described by the server'): JetStreamApiError {
  return new JetStreamApiError({ code: 400, err_code: code, description });
}

function refusedPublish(subject: string): Error {
  return errors.PermissionViolationError.parse(`Permissions Violation for Publish to "${subject}"`) as Error;
}

function refusedSubscription(subject: string): Error {
  return errors.PermissionViolationError.parse(
    `Permissions Violation for Subscription to "${subject}"`,
  ) as Error;
}

function noResponders(): Error {
  const request = new errors.RequestError('no responders', {
    cause: new errors.NoRespondersError('$JS.API.X'),
  });
  return new Error('jetstream is not enabled', { cause: request });
}

describe('toStoreError', () => {
  it('marks a timed-out save retryable and says retrying the same event is safe', () => {
    const error = toStoreError(new errors.TimeoutError(), save);
    expect(error).toBeInstanceOf(JetStreamStoreError);
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect((error as Error).message).toContain('may or may not have been stored');
    expect((error as Error).message).toContain('Retrying the same event (same id) is safe');
    expect((error as Error).message).toContain('120 s duplicate window');
    expect((error as Error).cause).toBeInstanceOf(errors.TimeoutError);
  });

  it('maps each failure to the code a user can act on', () => {
    expect(toStoreError(new errors.RequestError('connection disconnected'), save)).toMatchObject({
      code: 'DISCONNECTED',
      retryable: true,
    });
    expect(toStoreError(new errors.ClosedConnectionError(), read)).toMatchObject({
      code: 'CONNECTION_CLOSED',
      retryable: false,
    });
    expect(toStoreError(noResponders(), save)).toMatchObject({ code: 'STREAM_UNAVAILABLE', retryable: true });
    expect(toStoreError(noResponders(), { operation: 'open', stream: 'orders' })).toMatchObject({
      code: 'JETSTREAM_NOT_ENABLED',
      retryable: false,
    });
    expect(toStoreError(apiError(10059), read)).toMatchObject({
      code: 'STREAM_NOT_FOUND',
      retryable: false,
      apiCode: 10059,
    });
    expect(toStoreError(apiError(10039), read)).toMatchObject({ code: 'JETSTREAM_NOT_ENABLED' });
    expect(toStoreError(apiError(10008), save)).toMatchObject({ code: 'NO_LEADER', retryable: true });
    expect(toStoreError(apiError(10009), save)).toMatchObject({ code: 'NO_LEADER', retryable: true });
    expect(toStoreError(apiError(10077), save)).toMatchObject({
      code: 'SERVER_ERROR',
      retryable: false,
      apiCode: 10077,
    });
  });

  it('reports a refused request as PERMISSION_DENIED, not retryable, naming the subject and the permission', () => {
    const refusal = refusedPublish('$JS.API.DIRECT.GET.orders.aether-store.orders.order-1');
    const error = toStoreError(new errors.RequestError(refusal.message, { cause: refusal }), read);
    expect(error).toMatchObject({
      code: 'PERMISSION_DENIED',
      retryable: false,
      permission: 'publish',
      subject: '$JS.API.DIRECT.GET.orders.aether-store.orders.order-1',
    });
    expect((error as Error).message).toContain(
      'denied this user permission to publish to "$JS.API.DIRECT.GET.orders.aether-store.orders.order-1"',
    );
    expect((error as Error).message).toContain('reading actor "order-1"');
    expect(((error as Error).cause as Error).cause).toBe(refusal);
    const inbox = toStoreError(refusedSubscription('_INBOX.abc.*'), save);
    expect(inbox).toMatchObject({
      code: 'PERMISSION_DENIED',
      permission: 'subscribe',
      subject: '_INBOX.abc.*',
    });
    expect((inbox as Error).message).toContain('inboxPrefix');
  });

  it('says a request that never left was not stored', () => {
    const error = toStoreError(new ConnectionDownError(5000), save);
    expect(error).toMatchObject({ code: 'DISCONNECTED', retryable: true });
    expect((error as Error).message).toContain('down for the whole 5000 ms timeout');
    expect((error as Error).message).toContain('nothing was sent (so nothing was stored)');
  });

  it('turns a header nats.js refuses into a ValidationError on the id', () => {
    const error = toStoreError(
      new errors.InvalidArgumentError("'header' values cannot contain \\r or \\n"),
      save,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('id');
  });

  it('passes the store own errors, conflicts and unknown errors through unchanged', () => {
    const conflict = new VersionConflictError({ actorId: 'a', attemptedVersion: 1, currentVersion: 2 });
    const own = new JetStreamStoreError('TIMEOUT', 'already mapped', { cause: new errors.TimeoutError() });
    const unknown = new Error('something else');
    for (const error of [conflict, own, unknown]) expect(toStoreError(error, save)).toBe(error);
  });
});

describe('JetStreamStoreError', () => {
  it('is recognised by brand and code, and only retryable codes are retryable', () => {
    const error = new JetStreamStoreError('NO_LEADER', 'electing');
    expect(isJetStreamStoreError(error)).toBe(true);
    expect(isJetStreamStoreError(error, 'NO_LEADER', 'TIMEOUT')).toBe(true);
    expect(isJetStreamStoreError(error, 'TIMEOUT')).toBe(false);
    expect(isJetStreamStoreError(new Error('x'))).toBe(false);
    expect(isRetryable(error)).toBe(true);
    expect(isRetryable(new JetStreamStoreError('STREAM_CONFIG_CONFLICT', 'x'))).toBe(false);
    expect(isRetryable(new Error('x'))).toBe(false);
  });
});
