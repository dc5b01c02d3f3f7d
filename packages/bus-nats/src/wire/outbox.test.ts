import { describe, expect, it } from 'vitest';
import { OUTBOX_BYTES, Outbox } from './outbox.js';

const bytes = (size: number) => new Uint8Array(size);
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('Outbox', () => {
  it('sends the first message of a turn at once and hands the rest over together at the next turn, in order', async () => {
    const sent: string[] = [];
    const outbox = new Outbox(
      (subject) => sent.push(subject),
      () => undefined,
    );
    for (let index = 0; index < 5; index++) {
      outbox.add(`s.${index}`, bytes(10));
      await Promise.resolve(); // a publisher that awaits each publish
    }
    expect(sent).toEqual(['s.0']);
    expect(outbox.pending).toBe(4);
    await nextTurn();
    expect(sent).toEqual(['s.0', 's.1', 's.2', 's.3', 's.4']);
    expect(outbox.pending).toBe(0);
    // A new turn: its first message goes at once again.
    outbox.add('s.5', bytes(10));
    expect(sent.at(-1)).toBe('s.5');
  });

  it('hands over at once when OUTBOX_BYTES are waiting, so memory stays bounded', () => {
    const sent: number[] = [];
    const outbox = new Outbox(
      (_subject, payload) => sent.push(payload.length),
      () => undefined,
    );
    const size = 1000;
    const perBatch = Math.ceil(OUTBOX_BYTES / size);
    for (let index = 0; index < perBatch * 3 + 1; index++) {
      outbox.add('s', bytes(size));
      expect(outbox.pending).toBeLessThan(perBatch);
    }
    expect(sent).toHaveLength(perBatch * 3 + 1);
  });

  it('flush() hands everything over now', () => {
    const sent: string[] = [];
    const outbox = new Outbox(
      (subject) => sent.push(subject),
      () => undefined,
    );
    for (const subject of ['a', 'b', 'c']) outbox.add(subject, bytes(1));
    outbox.flush();
    outbox.flush();
    expect(sent).toEqual(['a', 'b', 'c']);
  });

  it('throws when the first message of a turn is refused; reports how many collected ones were lost, and carries on', () => {
    const failures: [unknown, number][] = [];
    const refused = new Set(['a', 'c']);
    const sent: string[] = [];
    const outbox = new Outbox(
      (subject) => {
        if (refused.has(subject)) throw new Error(`closed at ${subject}`);
        sent.push(subject);
      },
      (error, lost) => failures.push([error, lost]),
    );
    expect(() => outbox.add('a', bytes(1))).toThrow('closed at a');
    for (const subject of ['b', 'c', 'd']) outbox.add(subject, bytes(1));
    outbox.flush();
    expect(sent).toEqual(['b']);
    expect(failures).toEqual([[new Error('closed at c'), 2]]);
    refused.clear();
    outbox.add('e', bytes(1));
    outbox.flush();
    expect(sent).toEqual(['b', 'e']);
  });
});
