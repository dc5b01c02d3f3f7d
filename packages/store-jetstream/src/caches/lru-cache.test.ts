import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('keeps at most capacity entries, dropping the least recently used', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('peeks at a value without saving it from eviction', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.peek('a')).toBe(1); // a stays the least recently used
    cache.set('c', 3);
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.peek('b')).toBe(2);
  });

  it('replaces a value without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
  });

  it('deletes and clears', () => {
    const cache = new LruCache<string, number>(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('caches nothing with capacity 0 and refuses a negative capacity', () => {
    const cache = new LruCache<string, number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
    expect(() => new LruCache(-1)).toThrow(RangeError);
  });
});

describe('LruCache with weights', () => {
  it('bounds the total weight, evicting the least recently used', () => {
    const cache = new LruCache<string, string>(5, (value) => value.length);
    cache.set('a', 'xx');
    cache.set('b', 'yy');
    cache.get('a');
    cache.set('c', 'zz'); // weight 6 > 5: b goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.weight).toBe(4);
    cache.set('a', 'x'); // a re-weighed
    expect(cache.weight).toBe(3);
  });

  it('does not keep an entry heavier than the capacity', () => {
    const cache = new LruCache<string, string>(3, (value) => value.length);
    cache.set('a', 'abc');
    cache.set('big', 'abcd');
    expect(cache.get('big')).toBeUndefined();
    expect(cache.get('a')).toBe('abc');
  });
});
