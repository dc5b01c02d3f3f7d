import { describe, expect, it } from 'vitest';
import { summarise } from './summarise.js';

describe('summarise', () => {
  it('keeps every value in run order and their median', () => {
    expect(summarise('Aether', [{ value: 3 }, { value: 1 }, { value: 2 }])).toEqual({
      name: 'Aether',
      median: 2,
      values: [3, 1, 2],
    });
  });

  it('says how many runs stopped at their cap and how far they got', () => {
    const result = summarise('Emmett', [
      { value: 10, done: 100, planned: 100 },
      { value: 9, done: 60, planned: 100 },
      { value: 8, done: 40, planned: 100 },
    ]);
    expect(result.capped).toEqual({ runs: 2, minDone: 40, maxDone: 60, planned: 100 });
    expect(result.median).toBe(9);
  });

  it('reports no cap when every run did all its work', () => {
    expect(summarise('Aether', [{ value: 1, done: 5, planned: 5 }]).capped).toBeUndefined();
  });
});
