import type { RecordedEvent } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { BatchReader } from './batches.js';

const at = (position: number) => ({ position }) as unknown as RecordedEvent;

// An iterator over `positions` that hands out the first `ready` of them at once and each further
// one only when `release()` is called (as a subscription hands out what it has read ahead).
function feed(positions: readonly number[], ready: number, failAt?: number) {
  let index = 0;
  let released = ready;
  let wake: (() => void) | undefined;
  const iterator: AsyncIterator<RecordedEvent> = {
    async next() {
      while (index >= released && index < positions.length) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      if (index === failAt) throw new Error('the log failed');
      const position = positions[index++];
      return position === undefined ? { done: true, value: undefined } : { done: false, value: at(position) };
    },
  };
  return {
    iterator,
    release(count = 1) {
      released += count;
      wake?.();
    },
  };
}

const positionsOf = (batch: RecordedEvent[] | undefined) => batch?.map(({ position }) => position);

describe('BatchReader', () => {
  it('takes what is already there, up to the size, and carries the rest into the next batch', async () => {
    const { iterator } = feed([1, 2, 3, 4, 5, 6, 7], 7);
    const reader = new BatchReader(iterator, 3);
    expect(positionsOf(await reader.next())).toEqual([1, 2, 3]);
    expect(positionsOf(await reader.next())).toEqual([4, 5, 6]);
    expect(positionsOf(await reader.next())).toEqual([7]);
    expect(await reader.next()).toBeUndefined();
    expect(await reader.next()).toBeUndefined();
  });

  it('never splits the events of one position, passing the size to keep them together', async () => {
    const { iterator } = feed([1, 2, 2, 2, 3], 5);
    const reader = new BatchReader(iterator, 2);
    expect(positionsOf(await reader.next())).toEqual([1, 2, 2, 2]);
    expect(positionsOf(await reader.next())).toEqual([3]);
  });

  it('ends a batch when nothing more is there, and the event that comes later starts the next', async () => {
    const log = feed([1, 2, 3, 4], 2);
    const reader = new BatchReader(log.iterator, 10);
    expect(positionsOf(await reader.next())).toEqual([1, 2]);
    const next = reader.next();
    log.release(2);
    expect(positionsOf(await next)).toEqual([3, 4]);
    expect(await reader.next()).toBeUndefined();
  });

  it('fails the batch when the iterator fails', async () => {
    const { iterator } = feed([1, 2, 3], 3, 1);
    const reader = new BatchReader(iterator, 10);
    await expect(reader.next()).rejects.toThrow('the log failed');
  });
});
