import { describe, expect, it } from 'vitest';
import { loadHeadline, loadSummary } from './load-report.js';

const done = (conflicts: number, retries: number, maxAttempts: number, saved = 1) => ({
  type: 'done' as const,
  saved,
  conflicts,
  retries,
  maxAttempts,
});

describe('loadHeadline', () => {
  it('says how many writers add how many items each', () => {
    expect(loadHeadline({ writers: 4, events: 50, orderId: 'order-3001', at: '127.0.0.1:4222' })).toBe(
      'Load: 4 writer processes add 50 items each to order-3001 on 127.0.0.1:4222, every save through saveWithRetry',
    );
  });

  it('speaks of one writer and one item in the singular', () => {
    expect(loadHeadline({ writers: 1, events: 1, orderId: 'order-3001', at: 'h:1' })).toBe(
      'Load: 1 writer process adds 1 item to order-3001 on h:1, every save through saveWithRetry',
    );
    expect(loadHeadline({ writers: 2, events: 1, orderId: 'order-3001', at: 'h:1' })).toBe(
      'Load: 2 writer processes add 1 item each to order-3001 on h:1, every save through saveWithRetry',
    );
  });
});

describe('loadSummary', () => {
  it('adds up the writers and lists each writer’s conflicts', () => {
    expect(loadSummary([done(2, 3, 4, 10), done(0, 0, 1, 10)], '0.5')).toBe(
      'All writers done in 0.5 s: 20 events saved; 2 version conflicts (per writer 1: 2, 2: 0), ' +
        '3 retries; the busiest save took 4 attempts',
    );
  });

  it('speaks of one event, conflict, retry and attempt in the singular', () => {
    expect(loadSummary([done(1, 1, 1)], '0.1')).toBe(
      'All writers done in 0.1 s: 1 event saved; 1 version conflict (per writer 1: 1), ' +
        '1 retry; the busiest save took 1 attempt',
    );
  });

  it('gives the range of conflicts instead of each count beyond 8 writers', () => {
    const reports = Array.from({ length: 9 }, (_, index) => done(index, index, 2));
    expect(loadSummary(reports, '1.0')).toContain('(per writer from 0 to 8)');
  });
});
