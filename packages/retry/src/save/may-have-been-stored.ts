import { isVersionConflict } from '@aether/core';
import { isNeverRetried } from '../retry/never-retried.js';

/**
 * True when a failed save may nevertheless have stored its event: every error except the two
 * that say the store refused it, a version conflict (`isVersionConflict`, through `cause` chains
 * and across package copies) and a `ValidationError`.
 *
 * Deliberately not decided by a `retryable` flag or a list of codes: a timeout or a dropped
 * connection looks different in every store (the JetStream store's `TIMEOUT` and `DISCONNECTED`,
 * a third party's plain `Error`), and taking one for a refusal would store the event twice after
 * its acknowledgement was lost. Taking a refusal for an unknown outcome only costs one read.
 */
export function mayHaveBeenStored(error: unknown): boolean {
  return !isVersionConflict(error) && !isNeverRetried(error);
}
