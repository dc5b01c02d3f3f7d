import { describe, expect, it } from 'vitest';
import { afterOf, describeWatchStart, parseWatchStart } from './watch-start.js';

describe('watch --from', () => {
  it('reads start, end and positions from 1; nothing else', () => {
    expect(parseWatchStart('start')).toEqual({ kind: 'start' });
    expect(parseWatchStart('end')).toEqual({ kind: 'end' });
    expect(parseWatchStart('7')).toEqual({ kind: 'position', position: 7 });
    for (const bad of ['', 'START', '0', '-1', '2.0', '0x10', '9007199254740992']) {
      expect(parseWatchStart(bad)).toBeUndefined();
    }
  });

  it('includes the position it starts from: the subscription reads after the one before', () => {
    expect(afterOf({ kind: 'start' })).toBe(0);
    expect(afterOf({ kind: 'end' })).toBe('end');
    expect(afterOf({ kind: 'position', position: 1 })).toBe(0);
    expect(afterOf({ kind: 'position', position: 12 })).toBe(11);
  });

  it('says where it starts', () => {
    expect(describeWatchStart({ kind: 'start' })).toBe('from the start');
    expect(describeWatchStart({ kind: 'end' })).toBe('from the end');
    expect(describeWatchStart({ kind: 'position', position: 12 })).toBe('from position 12');
  });
});
