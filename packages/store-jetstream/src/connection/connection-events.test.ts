import { errors } from '@nats-io/nats-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeConnection } from '../test-support/fake-connection.js';
import { connectionEvents } from './connection-events.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('connectionEvents', () => {
  it('is one follower per connection, down from its disconnect to its reconnect, telling drop listeners at once', async () => {
    const fake = new FakeConnection();
    const events = connectionEvents(fake.asConnection());
    expect(connectionEvents(fake.asConnection())).toBe(events);
    const drops: string[] = [];
    const stop = events.onDrop(() => drops.push('dropped'));
    expect(events.connected).toBe(true);
    await fake.emit({ type: 'disconnect', server: 'a' });
    expect(events.connected).toBe(false);
    expect(drops).toEqual(['dropped']);
    await fake.emit({ type: 'reconnect', server: 'a' });
    expect(events.connected).toBe(true);
    stop();
    await fake.emit({ type: 'disconnect', server: 'a' });
    expect(drops).toEqual(['dropped']);
  });

  it('hands on the refusals of the server, and nothing else it reports', async () => {
    const fake = new FakeConnection();
    const events = connectionEvents(fake.asConnection());
    const refused: string[] = [];
    events.onRefusal((refusal) => refused.push(`${refusal.operation} ${refusal.subject}`));
    const refusal = errors.PermissionViolationError.parse(
      'Permissions Violation for Publish to "a.b"',
    ) as Error;
    await fake.emit({ type: 'error', error: refusal });
    await fake.emit({ type: 'error', error: new errors.ProtocolError('something else') });
    expect(refused).toEqual(['publish a.b']);
  });

  it('whenUp: true at once when up, true when it comes back in time, false after the time or when it closes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const fake = new FakeConnection();
    const events = connectionEvents(fake.asConnection());
    await expect(events.whenUp(100)).resolves.toBe(true);
    await fake.emit({ type: 'disconnect', server: 'a' });
    const back = events.whenUp(100);
    await fake.emit({ type: 'reconnect', server: 'a' });
    await expect(back).resolves.toBe(true);
    await fake.emit({ type: 'disconnect', server: 'a' });
    const late = events.whenUp(100);
    await vi.advanceTimersByTimeAsync(100);
    await expect(late).resolves.toBe(false);
    const closing = events.whenUp(100);
    await fake.close();
    await expect(closing).resolves.toBe(false);
    expect(events.connected).toBe(false);
  });

  it('treats a connection closed before it was asked as down for good', async () => {
    const fake = new FakeConnection();
    await fake.close();
    const events = connectionEvents(fake.asConnection());
    expect(events.connected).toBe(false);
    await expect(events.whenUp(10_000)).resolves.toBe(false);
  });
});
