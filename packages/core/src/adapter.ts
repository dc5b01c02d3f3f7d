/**
 * `@aether/core/adapter`: the toolkit for people writing event stores and buses (ours, and
 * third parties'), so that every implementation checks, encodes and reports alike. Applications
 * need only `@aether/core`.
 */
export { LocalSubscription } from './bus/local-subscription.js';
export { type ResolvedSubscription, resolveSubscription } from './bus/subscribe-options.js';
export { decodeEvents, encodeEvents } from './codec/batch-codec.js';
export { decodeEvent, decodeEventRecord, encodeEvent } from './codec/json-codec.js';
export { causeChain } from './errors/cause-chain.js';
export { type ErrorKind, errorKind } from './errors/error-kind.js';
export {
  type ResolvedLogSubscription,
  type ResolvedReadAll,
  requirePosition,
  resolveLogSubscription,
  resolveReadAll,
} from './log/log-options.js';
export {
  boundedSubjectToken,
  HASHED_TOKEN_MARK,
  MAX_SUBJECT_TOKEN_LENGTH,
  valueOfBoundedToken,
} from './subject/bounded-token.js';
export { compilePattern, matchesPattern, parsePattern, validateNamespace } from './subject/patterns.js';
export { decodeSubjectToken, encodeSubjectToken } from './subject/subject-token.js';
export { requireEventId } from './validation/event-id.js';
export { freezeJsonObject, type JsonWalk } from './validation/freeze-json.js';
export { checkFromVersion } from './validation/from-version.js';
export { requireText } from './validation/require-text.js';
export { validateBatch } from './validation/validate-batch.js';
export {
  checkEventRecord,
  type EventRecord,
  type EventRecordDraft,
  eventFromRecord,
  newEventRecordDraft,
  requireMetadata,
  requireVersion,
  validateEventRecord,
} from './validation/validate-event.js';
export { assertSnapshotNotAhead } from './validation/validate-snapshot.js';
