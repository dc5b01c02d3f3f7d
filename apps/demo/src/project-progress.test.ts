import { expect, it } from 'vitest';
import { progressLine } from './project-progress.js';

const status = {
  state: 'catching-up',
  position: 1200,
  head: 4000,
  lagEvents: 2800,
  lagSeconds: 6.54,
} as const;

it('says where the projection is, how far behind in events and seconds, and its state', () => {
  expect(progressLine(status, undefined, 5000)).toBe(
    'catching-up: position 1200/4000 (30%), lag 2800 events, 6.5 s',
  );
  expect(
    progressLine(
      { ...status, state: 'live', position: 0, head: 0, lagEvents: 0, lagSeconds: 0 },
      undefined,
      5000,
    ),
  ).toBe('live: position 0/0 (100%), lag 0 events, 0.0 s');
});

it('prints nothing when nothing changed: an idle live projection stays quiet', () => {
  const line = progressLine(status, undefined, 5000);
  expect(progressLine(status, line, 5000)).toBeUndefined();
  expect(progressLine({ ...status, position: 1700, lagEvents: 2300 }, line, 5000)).toContain('1700/4000');
});

it('explains standby: another worker holds the lease, and when this one takes over', () => {
  expect(progressLine({ ...status, state: 'standby' }, undefined, 5000)).toBe(
    "standby: another worker holds the projection's lease; taking over when it stops, or within 5 s of its last renewal if it was killed",
  );
});
