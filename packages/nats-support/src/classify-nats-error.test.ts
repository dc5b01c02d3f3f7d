import { JetStreamApiError } from '@nats-io/jetstream';
import { errors } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';
import { apiCodeOf, classifyNatsError, isWrongLastSequence } from './classify-nats-error.js';

function apiError(code: number, description = 'described by the server'): JetStreamApiError {
  return new JetStreamApiError({ code: 400, err_code: code, description });
}

function refused(operation: 'Publish' | 'Subscription', subject: string): Error {
  return errors.PermissionViolationError.parse(
    `Permissions Violation for ${operation} to "${subject}"`,
  ) as Error;
}

describe('classifyNatsError', () => {
  it('reads API error codes, never the message text', () => {
    expect(apiCodeOf(apiError(10071, 'something else entirely'))).toBe(10071);
    expect(isWrongLastSequence(apiError(10071, 'something else entirely'))).toBe(true);
    expect(apiCodeOf(new Error('wrong last sequence: 5'))).toBeUndefined();
    expect(isWrongLastSequence(new Error('wrong last sequence: 5'))).toBe(false);
  });

  it('recognises errors by name, so a second copy of nats.js classifies the same', () => {
    const foreign = Object.assign(new Error('timeout'), { name: 'TimeoutError' });
    expect(classifyNatsError(foreign)).toEqual({ kind: 'timeout' });
    expect(classifyNatsError(new errors.ClosedConnectionError())).toEqual({ kind: 'closed' });
    const noResponders = new errors.RequestError('no responders', {
      cause: new errors.NoRespondersError('$JS.API.X'),
    });
    expect(classifyNatsError(new Error('jetstream is not enabled', { cause: noResponders }))).toEqual({
      kind: 'no-responders',
    });
    expect(classifyNatsError(new errors.RequestError('connection disconnected'))).toEqual({
      kind: 'disconnected',
      sent: true,
    });
    const down = Object.assign(new Error('down for 5 s'), { name: 'ConnectionDownError' });
    expect(classifyNatsError(down)).toEqual({ kind: 'disconnected', sent: false });
    expect(classifyNatsError(new Error('other'))).toEqual({ kind: 'unknown' });
  });

  it('reads a permissions violation, bare or inside the RequestError of a refused request, with its subject', () => {
    expect(classifyNatsError(refused('Publish', '$JS.API.STREAM.INFO.orders'))).toEqual({
      kind: 'permission',
      permission: 'publish',
      subject: '$JS.API.STREAM.INFO.orders',
    });
    const refusedInbox = new errors.RequestError('refused', {
      cause: refused('Subscription', '_INBOX.abc.*'),
    });
    expect(classifyNatsError(refusedInbox)).toEqual({
      kind: 'permission',
      permission: 'subscribe',
      subject: '_INBOX.abc.*',
    });
  });
});
