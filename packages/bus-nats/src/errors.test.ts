import { describe, expect, it } from 'vitest';
import { isNatsBusError, isRetryableBusError, NatsBusError } from './errors.js';

describe('NatsBusError', () => {
  it('has a stable code, says whether a retry may help, and keeps its cause', () => {
    const cause = new Error('socket closed');
    const error = new NatsBusError('DISCONNECTED', 'down', { cause });
    expect(error).toMatchObject({ name: 'NatsBusError', code: 'DISCONNECTED', retryable: true, cause });
    expect(new NatsBusError('CONNECTION_CLOSED', 'closed').retryable).toBe(false);
    expect(isRetryableBusError(error)).toBe(true);
    expect(isRetryableBusError(new Error('DISCONNECTED'))).toBe(false);
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
