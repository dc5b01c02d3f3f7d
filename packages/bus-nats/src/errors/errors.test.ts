import { isRetryable } from '@aether/core';
import { errors } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';
import { isNatsBusError, NatsBusError } from './bus-error.js';
import { refusalOf } from './classify.js';
import { permissionDenied } from './to-bus-error.js';

describe('NatsBusError', () => {
  it('has a stable code, says whether a retry may help, and keeps its cause', () => {
    const cause = new Error('socket closed');
    const error = new NatsBusError('DISCONNECTED', 'down', { cause });
    expect(error).toMatchObject({ name: 'NatsBusError', code: 'DISCONNECTED', retryable: true, cause });
    expect(new NatsBusError('CONNECTION_CLOSED', 'closed').retryable).toBe(false);
    expect(isRetryable(error)).toBe(true);
    expect(isRetryable(new Error('DISCONNECTED'))).toBe(false);
  });

  it('is recognised by its brand, across copies of the package, and by code', () => {
    const error = new NatsBusError('MALFORMED_MESSAGE', 'bad');
    const copy = Object.assign(Object.create(Error.prototype), { code: 'MALFORMED_MESSAGE' });
    Object.defineProperty(copy, Symbol.for('@aether/bus-nats.NatsBusError'), { value: true });
    expect(isNatsBusError(error)).toBe(true);
    expect(isNatsBusError(copy, 'MALFORMED_MESSAGE')).toBe(true);
    expect(isNatsBusError(error, 'DISCONNECTED', 'MALFORMED_MESSAGE')).toBe(true);
    expect(isNatsBusError(error, 'DISCONNECTED')).toBe(false);
    expect(isNatsBusError({ code: 'MALFORMED_MESSAGE' })).toBe(false);
    expect(isNatsBusError(null)).toBe(false);
  });
});

describe('refusalOf and permissionDenied', () => {
  it("read nats.js's permissions error by name, in the words of the NATS permissions", () => {
    const subscription = errors.PermissionViolationError.parse(
      'Permissions Violation for Subscription to "a.>"',
    );
    expect(refusalOf(subscription)).toEqual({ permission: 'subscribe', subject: 'a.>' });
    const publish = Object.assign(new Error('x'), {
      name: 'PermissionViolationError',
      operation: 'publish',
      subject: 'a.b',
    });
    expect(refusalOf(publish)).toEqual({ permission: 'publish', subject: 'a.b' });
    expect(refusalOf(new Error('Permissions Violation for Publish to "a.b"'))).toBeUndefined();
    expect(refusalOf(undefined)).toBeUndefined();
    const denied = permissionDenied({ permission: 'publish', subject: 'a.b' }, 'nothing was sent', publish);
    expect(denied).toMatchObject({
      code: 'PERMISSION_DENIED',
      retryable: false,
      permission: 'publish',
      subject: 'a.b',
      cause: publish,
    });
    expect(denied.message).toContain('permission to publish to "a.b": nothing was sent');
  });
});
