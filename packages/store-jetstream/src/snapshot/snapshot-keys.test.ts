import { describe, expect, it } from 'vitest';
import { connectionEvents } from '../connection/connection-events.js';
import { FakeConnection } from '../test-support/fake-connection.js';
import type { KeyWatchHandlers } from './snapshot-key-watch.js';
import { SnapshotKeys } from './snapshot-keys.js';

/**
 * An index whose watches the test drives: each start is recorded with its handlers. Unless told
 * otherwise it has been looked up once, so that the next lookup starts its watch.
 */
function indexWith(limit = 10, { lookedUp = true } = {}) {
  const fake = new FakeConnection();
  const starts: { handlers: KeyWatchHandlers; stopped: boolean; settle: (ok: boolean) => void }[] = [];
  const keys = new SnapshotKeys({
    limit,
    events: connectionEvents(fake.asConnection()),
    startWatch: (handlers) =>
      new Promise((resolve, reject) => {
        const start = {
          handlers,
          stopped: false,
          settle: (ok: boolean) => {
            if (!ok) return reject(new Error('refused'));
            resolve({
              stop: async () => {
                start.stopped = true;
              },
            });
          },
        };
        starts.push(start);
      }),
  });
  if (lookedUp) keys.absent('first');
  const started = async (index: number) => {
    const start = starts[index];
    if (start === undefined) throw new Error(`no start #${index}`);
    start.settle(true);
    await Promise.resolve();
    return start;
  };
  return { fake, keys, starts, started };
}

// Lets every promise callback already queued run (a macrotask turn, not a timed wait).
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('SnapshotKeys', () => {
  it('starts its watch on the second lookup, so that a store looking up one snapshot never watches', () => {
    const { keys, starts } = indexWith(10, { lookedUp: false });
    expect(keys.absent('a')).toBe(false);
    expect(starts).toHaveLength(0);
    expect(keys.absent('a')).toBe(false);
    expect(starts).toHaveLength(1);
  });

  it('answers "absent" only once the watch has synced, and only for keys it never saw', async () => {
    const { keys, starts, started } = indexWith();
    expect(keys.absent('a')).toBe(false);
    expect(keys.absent('a')).toBe(false);
    expect(starts).toHaveLength(1);
    const watch = await started(0);
    watch.handlers.key('a', true);
    expect(keys.absent('b')).toBe(false);
    watch.handlers.synced();
    expect(keys.absent('a')).toBe(false);
    expect(keys.absent('b')).toBe(true);
    watch.handlers.key('b', true);
    watch.handlers.key('a', false);
    expect([keys.absent('a'), keys.absent('b')]).toEqual([true, false]);
  });

  it('knows the keys this process saved or read, before the watch tells', async () => {
    const { keys, started } = indexWith();
    keys.absent('x');
    (await started(0)).handlers.synced();
    keys.present('own');
    expect(keys.absent('own')).toBe(false);
  });

  it('ends a lost watch, asks again until a new one has synced, and ignores the old one', async () => {
    const { keys, starts, started } = indexWith();
    keys.absent('x');
    const first = await started(0);
    first.handlers.synced();
    first.handlers.lost();
    await settled();
    expect(first.stopped).toBe(true);
    expect(keys.absent('x')).toBe(false);
    expect(starts).toHaveLength(2);
    first.handlers.synced();
    expect(keys.absent('x')).toBe(false);
    (await started(1)).handlers.synced();
    expect(keys.absent('x')).toBe(true);
  });

  it('ends the watch when the connection drops', async () => {
    const { fake, keys, started } = indexWith();
    keys.absent('x');
    const watch = await started(0);
    watch.handlers.synced();
    await fake.emit({ type: 'disconnect', server: 'a' });
    await settled();
    expect(watch.stopped).toBe(true);
    expect(keys.absent('x')).toBe(false);
  });

  it('does not start again after a failed start until the connection is back', async () => {
    const { fake, keys, starts } = indexWith();
    keys.absent('x');
    starts[0]?.settle(false);
    await settled();
    keys.absent('x');
    expect(starts).toHaveLength(1);
    await fake.emit({ type: 'disconnect', server: 'a' });
    await fake.emit({ type: 'reconnect', server: 'a' });
    keys.absent('x');
    expect(starts).toHaveLength(2);
  });

  it('does not start again after a watch that ended before it synced, until the connection is back', async () => {
    const { fake, keys, starts, started } = indexWith();
    keys.absent('x');
    (await started(0)).handlers.lost();
    await settled();
    keys.absent('x');
    expect(starts).toHaveLength(1);
    await fake.emit({ type: 'reconnect', server: 'a' });
    keys.absent('x');
    expect(starts).toHaveLength(2);
  });

  it('turns itself off past its limit rather than forget a key', async () => {
    const { keys, starts, started } = indexWith(2);
    keys.absent('x');
    const watch = await started(0);
    watch.handlers.synced();
    watch.handlers.key('a', true);
    watch.handlers.key('b', true);
    expect(keys.absent('x')).toBe(true);
    watch.handlers.key('c', true);
    await settled();
    expect(watch.stopped).toBe(true);
    expect([keys.absent('x'), keys.absent('a')]).toEqual([false, false]);
    expect(starts).toHaveLength(1);
  });

  it('turns itself off when the bucket holds more keys than its limit from the start', async () => {
    const { keys, starts, started } = indexWith(2);
    keys.absent('x');
    (await started(0)).handlers.tooMany();
    await settled();
    expect(keys.absent('x')).toBe(false);
    expect(starts).toHaveLength(1);
  });

  it('is off at a limit of 0: never watches', () => {
    const { keys, starts } = indexWith(0);
    expect(keys.absent('x')).toBe(false);
    expect(keys.absent('x')).toBe(false);
    expect(starts).toHaveLength(0);
  });

  it('stops its watch on close, even one still starting', async () => {
    const { keys, starts } = indexWith();
    keys.absent('x');
    const closing = keys.close();
    const start = starts[0];
    start?.settle(true);
    await closing;
    expect(start?.stopped).toBe(true);
    expect(keys.absent('x')).toBe(false);
    expect(starts).toHaveLength(1);
  });
});
