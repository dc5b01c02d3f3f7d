import { describe, expect, it } from 'vitest';
import { LogIndex } from './log-index.js';

describe('LogIndex', () => {
  it('gives each save the next position; while every save holds one event, position p is slot p - 1', () => {
    const log = new LogIndex();
    expect(log.head).toBe(0);
    expect([log.add(1), log.add(1), log.add(1)]).toEqual([1, 2, 3]);
    expect([1, 2, 3].map((position) => [log.start(position), log.end(position)])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('keeps the slots of a save of several events together, before and after it', () => {
    const log = new LogIndex();
    log.add(1);
    log.add(1);
    expect(log.add(3)).toBe(3);
    log.add(1);
    log.add(2);
    expect([1, 2, 3, 4, 5].map((position) => [log.start(position), log.end(position)])).toEqual([
      [0, 1],
      [1, 2],
      [2, 5],
      [5, 6],
      [6, 8],
    ]);
    expect(log.head).toBe(5);
  });
});
