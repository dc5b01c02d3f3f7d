import { describe, expect, it } from 'vitest';
import { uuidV7 } from './uuid-v7.js';

describe('uuidV7', () => {
  it('puts the milliseconds first, then version 7 and the RFC 9562 variant', () => {
    const id = uuidV7(Date.UTC(2026, 11, 3, 18, 0, 0, 123));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 11, 3, 18, 0, 0, 123));
  });

  it('sorts by time to the millisecond, and differs within one millisecond', () => {
    const earlier = uuidV7(1_000);
    const later = uuidV7(1_001);
    expect(earlier < later).toBe(true);
    const same = new Set(Array.from({ length: 1000 }, () => uuidV7(5)));
    expect(same.size).toBe(1000);
  });
});

describe('uuidV7 in bursts', () => {
  it('keeps each id its own time when the times alternate', () => {
    const times = [1_000, 2_000, 1_000, 0x0123456789ab];
    const ids = times.map((time) => uuidV7(time));
    expect(ids.map((id) => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16))).toEqual(times);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
