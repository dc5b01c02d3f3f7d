import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('KeyedQueue', () => {
  it('runs the tasks of one key in order, one at a time', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const first = deferred();
    const a = queue.run('actor', async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
      return 'a';
    });
    const b = queue.run('actor', async () => {
      log.push('b');
      return 'b';
    });
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.resolve();
    expect(await a).toBe('a');
    expect(await b).toBe('b');
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('runs different keys concurrently', async () => {
    const queue = new KeyedQueue();
    const blocker = deferred();
    const started: string[] = [];
    const one = queue.run('one', async () => {
      started.push('one');
      await blocker.promise;
    });
    const two = queue.run('two', async () => {
      started.push('two');
    });
    await two;
    expect(started).toEqual(['one', 'two']);
    blocker.resolve();
    await one;
  });

  it('keeps going after a failed task and forgets idle keys', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('actor', async () => {
      throw new Error('boom');
    });
    const next = queue.run('actor', async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('next');
    await queue.idle();
    expect(queue.size).toBe(0);
  });

  it('idle waits for queued tasks', async () => {
    const queue = new KeyedQueue();
    const gate = deferred();
    let done = false;
    void queue.run('a', async () => {
      await gate.promise;
      done = true;
    });
    const idle = queue.idle();
    gate.resolve();
    await idle;
    expect(done).toBe(true);
  });
});
