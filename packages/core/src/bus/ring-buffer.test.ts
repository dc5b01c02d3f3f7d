import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OverflowPolicy } from '../event-bus.js';
import { RingBuffer } from './ring-buffer.js';

function drain<T>(buffer: RingBuffer<T>): T[] {
  const items: T[] = [];
  for (let item = buffer.shift(); item !== undefined; item = buffer.shift()) items.push(item);
  return items;
}

function fill(buffer: RingBuffer<number>, from: number, to: number): boolean[] {
  const accepted: boolean[] = [];
  for (let item = from; item <= to; item++) accepted.push(buffer.offer(item));
  return accepted;
}

describe('RingBuffer', () => {
  it('is first-in first-out across wrap-arounds', () => {
    const buffer = new RingBuffer<number>(4, 'error');
    fill(buffer, 1, 3);
    expect([buffer.shift(), buffer.shift()]).toEqual([1, 2]);
    fill(buffer, 4, 6);
    expect(buffer.length).toBe(4);
    expect(drain(buffer)).toEqual([3, 4, 5, 6]);
    expect(buffer.shift()).toBeUndefined();
    expect(buffer.length).toBe(0);
    expect(buffer.dropped).toBe(0);
  });

  it('drop-oldest keeps the newest `capacity` items and counts the rest', () => {
    const buffer = new RingBuffer<number>(3, 'drop-oldest');
    expect(fill(buffer, 1, 10).every(Boolean)).toBe(true);
    expect(buffer.dropped).toBe(7);
    expect(drain(buffer)).toEqual([8, 9, 10]);
  });

  it('drop-newest keeps the oldest `capacity` items and counts the rest', () => {
    const buffer = new RingBuffer<number>(3, 'drop-newest');
    expect(fill(buffer, 1, 10).every(Boolean)).toBe(true);
    expect(buffer.dropped).toBe(7);
    expect(drain(buffer)).toEqual([1, 2, 3]);
  });

  it('error refuses an item when full, counts it, and accepts again once there is room', () => {
    const buffer = new RingBuffer<number>(2, 'error');
    expect(fill(buffer, 1, 3)).toEqual([true, true, false]);
    expect(buffer.dropped).toBe(1);
    expect(buffer.shift()).toBe(1);
    expect(buffer.offer(4)).toBe(true);
    expect(drain(buffer)).toEqual([2, 4]);
  });

  it('works with a capacity of one', () => {
    const oldest = new RingBuffer<string>(1, 'drop-oldest');
    oldest.offer('a');
    oldest.offer('b');
    expect([drain(oldest), oldest.dropped]).toEqual([['b'], 1]);
    const newest = new RingBuffer<string>(1, 'drop-newest');
    newest.offer('a');
    newest.offer('b');
    expect([drain(newest), newest.dropped]).toEqual([['a'], 1]);
  });

  it('allocates slots as it grows, never more than the capacity', () => {
    const huge = new RingBuffer<number>(Number.MAX_SAFE_INTEGER, 'drop-oldest');
    expect(huge.allocated).toBeLessThanOrEqual(16);
    fill(huge, 1, 100);
    expect(huge.allocated).toBeGreaterThanOrEqual(100);
    expect(huge.allocated).toBeLessThan(256);

    const bounded = new RingBuffer<number>(1000, 'drop-oldest');
    fill(bounded, 1, 100_000);
    expect(bounded.allocated).toBe(1000);
    expect(bounded.length).toBe(1000);
    expect(bounded.dropped).toBe(99_000);
  });

  it('clear discards the items without counting them and releases the slots', () => {
    const buffer = new RingBuffer<number>(1000, 'drop-newest');
    fill(buffer, 1, 1001);
    buffer.clear();
    expect(buffer.length).toBe(0);
    expect(buffer.dropped).toBe(1);
    expect(buffer.allocated).toBeLessThanOrEqual(16);
    expect(buffer.shift()).toBeUndefined();
    buffer.offer(7);
    expect(drain(buffer)).toEqual([7]);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects capacity %s', (capacity) => {
    expect(() => new RingBuffer<number>(capacity, 'drop-oldest')).toThrow(RangeError);
  });

  it('behaves like a simple array model for any sequence of operations', () => {
    const policy = fc.constantFrom<OverflowPolicy>('drop-oldest', 'drop-newest', 'error');
    const operation = fc.oneof(fc.constant('shift' as const), fc.integer({ min: 0, max: 1_000_000 }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        policy,
        fc.array(operation, { maxLength: 300 }),
        (capacity, overflow, ops) => {
          const buffer = new RingBuffer<number>(capacity, overflow);
          const model: number[] = [];
          let dropped = 0;
          for (const op of ops) {
            if (op === 'shift') {
              expect(buffer.shift()).toBe(model.shift());
              continue;
            }
            let accepted = true;
            if (model.length < capacity) model.push(op);
            else if (overflow === 'drop-oldest') {
              model.shift();
              model.push(op);
              dropped++;
            } else {
              dropped++;
              accepted = overflow === 'drop-newest';
            }
            expect(buffer.offer(op)).toBe(accepted);
            expect(buffer.length).toBe(model.length);
            expect(buffer.allocated).toBeLessThanOrEqual(capacity);
          }
          expect(buffer.dropped).toBe(dropped);
          expect(drain(buffer)).toEqual(model);
        },
      ),
    );
  }, 60_000);
});
