import { describe, expect, it } from 'vitest';
import { ProgressLine } from './load-progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

describe('ProgressLine', () => {
  it('on a terminal, rewrites one line in place, at most every interval, and ends it', () => {
    let now = 0;
    const { writes, stream } = fakeStream(true);
    const progress = new ProgressLine(stream, 10, { now: () => now, intervalMs: 100 });
    progress.update(1, 0);
    now = 50;
    progress.update(2, 1); // too soon: not drawn
    now = 150;
    progress.update(3, 1);
    now = 160;
    progress.update(10, 4); // the last event is always drawn
    now = 1234;
    progress.finish(10, 4);
    expect(writes).toEqual([
      '\r\x1b[2Kload: 1/10 events saved (10%), 0 conflicts retried, 0.0 s',
      '\r\x1b[2Kload: 3/10 events saved (30%), 1 conflict retried, 0.1 s',
      '\r\x1b[2Kload: 10/10 events saved (100%), 4 conflicts retried, 0.2 s',
      '\r\x1b[2Kload: 10/10 events saved (100%), 4 conflicts retried, 1.2 s',
      '\n',
    ]);
  });

  it('elsewhere, prints a plain line at each quarter, and the end once', () => {
    let now = 0;
    const { writes, stream } = fakeStream(false);
    const progress = new ProgressLine(stream, 8, { now: () => now });
    for (let saved = 1; saved <= 8; saved++) {
      now += 100;
      progress.update(saved, saved - 1);
    }
    progress.finish(8, 7);
    expect(writes).toEqual([
      'load: 2/8 events saved (25%), 1 conflict retried, 0.2 s\n',
      'load: 4/8 events saved (50%), 3 conflicts retried, 0.4 s\n',
      'load: 6/8 events saved (75%), 5 conflicts retried, 0.6 s\n',
      'load: 8/8 events saved (100%), 7 conflicts retried, 0.8 s\n',
    ]);
  });

  it('prints one line for several quarters passed at once, and the final state when it differs', () => {
    const { writes, stream } = fakeStream(false);
    const progress = new ProgressLine(stream, 3, { now: () => 0 });
    progress.update(2, 0); // 66%: the first and second quarter
    progress.finish(2, 0);
    expect(writes).toEqual(['load: 2/3 events saved (66%), 0 conflicts retried, 0.0 s\n']);
  });

  it('speaks of one event and one conflict in the singular', () => {
    const { writes, stream } = fakeStream(false);
    const progress = new ProgressLine(stream, 1, { now: () => 0 });
    progress.update(1, 1);
    expect(writes).toEqual(['load: 1/1 event saved (100%), 1 conflict retried, 0.0 s\n']);
  });

  it('moves to a new line before an error only when a line is on screen', () => {
    const tty = fakeStream(true);
    const progress = new ProgressLine(tty.stream, 4, { now: () => 0 });
    progress.interrupt();
    expect(tty.writes).toEqual([]);
    progress.update(1, 0);
    progress.interrupt();
    expect(tty.writes.at(-1)).toBe('\n');
  });
});
