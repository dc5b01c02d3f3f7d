import { HistoryExpiredError } from '@aether/core';
import { expect, it } from 'vitest';
import { DemoError } from './demo-error.js';
import { explainWatchFailure } from './watch-failure.js';

it('turns expired history into what to type: --from the first position there is', () => {
  const expired = new HistoryExpiredError({ after: 0, firstPosition: 42 });
  const explained = explainWatchFailure(new Error('log read failed', { cause: expired }));
  expect(explained).toBeInstanceOf(DemoError);
  expect((explained as DemoError).message).toBe(
    "the events before position 42 have expired (the stream's maxAge); watch --from 42 or later",
  );
  expect((explained as DemoError).cause).toBeInstanceOf(Error);
});

it('passes every other failure on as it is', () => {
  const other = new Error('connection lost');
  expect(explainWatchFailure(other)).toBe(other);
});
