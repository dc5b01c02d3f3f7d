import { describe, expect, it } from 'vitest';
import { LogLineage } from './log-lineage.js';

// Reads the message at `seq` on `subject` the way a subscription does: recall, then read.
function read(lineage: LogLineage, subject: string, seq: number, version: number): void {
  lineage.read(subject, lineage.recall(subject), seq, version);
}

function belongs(lineage: LogLineage, subject: string, seq: number, follows: number | undefined) {
  return lineage.belongs(lineage.recall(subject), seq, follows);
}

describe('LogLineage: the follows rule for a reader of the whole log', () => {
  it('decides on the spot for a subject it has read: a message belongs when it follows the last one', () => {
    const lineage = new LogLineage(0);
    read(lineage, 'a', 3, 1);
    expect(belongs(lineage, 'a', 7, 3)).toBe(true);
    expect(belongs(lineage, 'a', 7, 2)).toBe(false);
    expect(lineage.recall('a')?.version).toBe(1);
  });

  it('knows that nothing of an unread subject is stored after where the read started', () => {
    const lineage = new LogLineage(10);
    expect(belongs(lineage, 'b', 12, 10)).toBe(true);
    expect(belongs(lineage, 'b', 12, 11)).toBe(true);
    // Follows something before the read started: only the server can tell what lies between.
    expect(belongs(lineage, 'b', 12, 9)).toBeUndefined();
    expect(lineage.recall('b')).toBeUndefined();
  });

  it('keeps its memory bounded: a forgotten subject is judged from the last message read before its generation began', () => {
    const lineage = new LogLineage(0, 4); // two generations of two subjects
    read(lineage, 'a', 1, 1);
    read(lineage, 'b', 2, 1);
    read(lineage, 'c', 3, 1); // a and b become the old generation
    read(lineage, 'd', 4, 1);
    expect(belongs(lineage, 'a', 9, 1)).toBe(true); // still remembered: it follows its last message
    read(lineage, 'e', 5, 1); // forgets b (c and d become old; a, read again, is young with e)
    expect(lineage.recall('b')).toBeUndefined();
    // b's messages were all read before c's generation began, at 2: nothing of b after 2.
    expect(belongs(lineage, 'b', 9, 2)).toBe(true);
    expect(belongs(lineage, 'b', 9, 1)).toBeUndefined();
  });

  it('moves a subject it reads again to its newest message and version, and remembers it longest', () => {
    const lineage = new LogLineage(0, 4);
    read(lineage, 'a', 1, 1);
    read(lineage, 'b', 2, 1);
    read(lineage, 'c', 3, 1); // a and b are old
    read(lineage, 'a', 4, 2); // a read again: young again, at its newest message and version
    expect(lineage.recall('a')).toEqual({ seq: 4, version: 2, actorId: '' });
    expect(belongs(lineage, 'a', 9, 4)).toBe(true);
    expect(belongs(lineage, 'a', 9, 1)).toBe(false);
    read(lineage, 'd', 5, 1); // c and a become old, b is forgotten
    read(lineage, 'e', 6, 1);
    expect(lineage.recall('a')?.version).toBe(2);
    expect(lineage.recall('b')).toBeUndefined();
  });

  it('never remembers more subjects than its capacity', () => {
    const lineage = new LogLineage(0, 10);
    for (let seq = 1; seq <= 1_000; seq++) read(lineage, `s${seq}`, seq, 1);
    const remembered = Array.from({ length: 1_000 }, (_, index) => `s${index + 1}`).filter(
      (subject) => lineage.recall(subject) !== undefined,
    );
    expect(remembered.length).toBeLessThanOrEqual(10);
    expect(remembered).toContain('s1000');
  });

  it('lets a message saved without the header through (the version rule still applies)', () => {
    expect(new LogLineage(5).belongs(undefined, 9, undefined)).toBe(true);
  });
});
