import { describe, expect, it } from 'vitest';
import { LogLineage } from './log-lineage.js';

describe('LogLineage: the follows rule for a reader of the whole log', () => {
  it('decides on the spot for a subject it has read: a message belongs when it follows the last one', () => {
    const lineage = new LogLineage(0);
    lineage.read('a', 3, 1);
    expect(lineage.belongs('a', 7, 3)).toBe(true);
    expect(lineage.belongs('a', 7, 2)).toBe(false);
    expect(lineage.lastVersion('a')).toBe(1);
  });

  it('knows that nothing of an unread subject is stored after where the read started', () => {
    const lineage = new LogLineage(10);
    expect(lineage.belongs('b', 12, 10)).toBe(true);
    expect(lineage.belongs('b', 12, 11)).toBe(true);
    // Follows something before the read started: only the server can tell what lies between.
    expect(lineage.belongs('b', 12, 9)).toBeUndefined();
    expect(lineage.lastVersion('b')).toBe(0);
  });

  it('keeps its memory bounded: a forgotten subject is judged from the newest message it forgot', () => {
    const lineage = new LogLineage(0, 2);
    lineage.read('a', 1, 1);
    lineage.read('b', 2, 1);
    lineage.read('c', 3, 1); // forgets a (last at 1)
    expect(lineage.belongs('a', 9, 1)).toBe(true);
    lineage.read('d', 4, 1); // forgets b (last at 2)
    expect(lineage.belongs('a', 9, 1)).toBeUndefined();
    expect(lineage.belongs('a', 9, 2)).toBe(true);
  });

  it('moves a subject it reads again to its newest message and version, and remembers it longest', () => {
    const lineage = new LogLineage(0, 2);
    lineage.read('a', 1, 1);
    lineage.read('b', 2, 1);
    lineage.read('a', 3, 2); // a read again: b is now the least recently read
    expect(lineage.lastVersion('a')).toBe(2);
    expect(lineage.belongs('a', 9, 3)).toBe(true);
    expect(lineage.belongs('a', 9, 1)).toBe(false);
    lineage.read('c', 4, 1); // forgets b, keeps a
    expect(lineage.lastVersion('a')).toBe(2);
    expect(lineage.lastVersion('b')).toBe(0);
  });

  it('lets a message saved without the header through (the version rule still applies)', () => {
    expect(new LogLineage(5).belongs('c', 9, undefined)).toBe(true);
  });
});
