import { describe, expect, it } from 'vitest';
import { Fifo } from './fifo.js';
import { Lanes } from './lanes.js';

describe('Fifo', () => {
  it('is first in, first out, also across its internal compaction', () => {
    const fifo = new Fifo<number>();
    for (let n = 0; n < 1000; n++) fifo.push(n);
    const out: number[] = [];
    for (let n = 0; n < 700; n++) out.push(fifo.shift() as number);
    for (let n = 1000; n < 1100; n++) fifo.push(n);
    expect(fifo.length).toBe(400);
    while (fifo.length > 0) out.push(fifo.shift() as number);
    expect(out).toEqual(Array.from({ length: 1100 }, (_, n) => n));
    expect(fifo.shift()).toBeUndefined();
  });

  it('takeAll empties it', () => {
    const fifo = new Fifo<string>();
    fifo.push('a');
    fifo.push('b');
    fifo.shift();
    expect(fifo.takeAll()).toEqual(['b']);
    expect(fifo.length).toBe(0);
  });
});

describe('Lanes', () => {
  it('hands out one item per key at a time, keys taking turns', () => {
    const lanes = new Lanes<string>();
    lanes.add('a', 'a1');
    lanes.add('a', 'a2');
    lanes.add('b', 'b1');
    expect(lanes.take()).toEqual({ key: 'a', item: 'a1' });
    expect(lanes.take()).toEqual({ key: 'b', item: 'b1' });
    expect(lanes.take()).toBeUndefined(); // a2 waits until a1 is done
    lanes.add('b', 'b2');
    expect(lanes.take()).toBeUndefined(); // b2 waits until b1 is done
    lanes.done('b');
    lanes.done('a');
    expect(lanes.take()).toEqual({ key: 'b', item: 'b2' });
    expect(lanes.take()).toEqual({ key: 'a', item: 'a2' });
    lanes.done('a');
    lanes.done('b');
    expect(lanes.take()).toBeUndefined();
  });

  it('takeAll removes the waiting items, not the busy ones', () => {
    const lanes = new Lanes<string>();
    lanes.add('a', 'a1');
    lanes.add('a', 'a2');
    lanes.add('b', 'b1');
    lanes.take();
    expect(lanes.takeAll()).toEqual(['a2', 'b1']);
    lanes.done('a');
    expect(lanes.take()).toBeUndefined();
  });
});
