import { describe, expect, it } from 'vitest';
import { isRetryable } from './error-kind.js';
import {
  findHistoryExpiredError,
  HistoryExpiredError,
  isHistoryExpiredError,
} from './history-expired-error.js';

describe('HistoryExpiredError', () => {
  it('names the first position there is and what to do', () => {
    const error = new HistoryExpiredError({ after: 0, firstPosition: 42 });
    expect(error).toMatchObject({ code: 'HISTORY_EXPIRED', after: 0, firstPosition: 42, retryable: false });
    expect(error.message).toContain('position 42');
    expect(error.message).toContain('allowExpiredHistory: true');
    expect(isRetryable(error)).toBe(false);
  });

  it('is found in a cause chain', () => {
    const error = new HistoryExpiredError({ after: 3, firstPosition: 9 });
    const wrapped = new Error('projection stopped', { cause: error });
    expect(isHistoryExpiredError(wrapped)).toBe(true);
    expect(findHistoryExpiredError(wrapped)).toBe(error);
  });
});
