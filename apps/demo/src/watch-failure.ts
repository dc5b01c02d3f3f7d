import { findHistoryExpiredError } from '@aether/core';
import { DemoError } from './demo-error.js';

/** The one error a user can fix from the command line: history that expired before `--from`. */
export function explainWatchFailure(error: unknown): unknown {
  const expired = findHistoryExpiredError(error);
  if (expired === undefined) return error;
  return new DemoError(
    'NATS_FAILED',
    `the events before position ${expired.firstPosition} have expired (the stream's maxAge); ` +
      `watch --from ${expired.firstPosition} or later`,
    { cause: error },
  );
}
