import { classifyNatsError } from '@aether/nats-support';
import type { Msg } from '@nats-io/nats-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeConnection } from '../test-support/fake-connection.js';
import { outageAware } from './outage-aware.js';

afterEach(() => {
  vi.useRealTimers();
});

const answer = { subject: 'reply' } as Msg;

describe('outageAware', () => {
  it('passes requests through while the connection is up', async () => {
    const fake = new FakeConnection();
    const nc = outageAware(fake.asConnection());
    const reply = nc.request('$JS.API.INFO', undefined, { timeout: 500 });
    expect(fake.requests.map((request) => request.options?.timeout)).toEqual([500]);
    fake.requests[0]?.answer(answer);
    await expect(reply).resolves.toBe(answer);
  });

  it('fails a request in flight as a dropped connection the moment the connection drops', async () => {
    const fake = new FakeConnection();
    const nc = outageAware(fake.asConnection());
    const reply = nc.request('$JS.API.INFO', undefined, { timeout: 5000 });
    const failure = reply.catch((err: unknown) => err);
    await fake.emit({ type: 'disconnect', server: 'a' });
    expect(classifyNatsError(await failure)).toEqual({ kind: 'disconnected', sent: true });
    fake.requests[0]?.fail(new Error('the late timeout of nats.js')); // nobody hears it
  });

  it('holds a request made while down until the connection is back, then sends it with the time it has left', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const fake = new FakeConnection();
    const nc = outageAware(fake.asConnection());
    await fake.emit({ type: 'disconnect', server: 'a' });
    const reply = nc.request('$JS.API.INFO', undefined, { timeout: 1000 });
    await vi.advanceTimersByTimeAsync(300);
    expect(fake.requests).toEqual([]);
    await fake.emit({ type: 'reconnect', server: 'a' });
    expect(fake.requests.map((request) => request.options?.timeout)).toEqual([700]);
    fake.requests[0]?.answer(answer);
    await expect(reply).resolves.toBe(answer);
  });

  it('fails a request held for its whole timeout as never sent', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const fake = new FakeConnection();
    const nc = outageAware(fake.asConnection());
    await fake.emit({ type: 'disconnect', server: 'a' });
    const failure = nc.request('$JS.API.INFO', undefined, { timeout: 1000 }).catch((err: unknown) => err);
    await vi.advanceTimersByTimeAsync(1000);
    expect(classifyNatsError(await failure)).toEqual({ kind: 'disconnected', sent: false });
    expect(fake.requests).toEqual([]);
  });

  it('is the connection itself for everything else, methods called on the connection', () => {
    const fake = new FakeConnection();
    const nc = outageAware(fake.asConnection()) as unknown as FakeConnection;
    expect(nc.name).toBe('fake');
    expect(nc.describe()).toBe('the fake connection');
    expect(nc.isClosed).toBe(nc.isClosed);
  });
});
