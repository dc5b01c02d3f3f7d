/** Thrown by a closed bus's `publish` and `subscribe`; shared by every `EventBus` implementation. */
export { EVENT_BUS_CLOSED, EventBusClosedError } from './bus/event-bus-closed-error.js';
export { LocalEventBus } from './bus/local-event-bus.js';
/** One bounded, filtered subscriber buffer read as an async iterator; a building block for other buses. */
export { LocalSubscription } from './bus/local-subscription.js';
/** Validates `subscribe()`'s pattern and options into the settings a `LocalSubscription` takes. */
export { type ResolvedSubscription, resolveSubscription } from './bus/subscribe-options.js';
export { decodeEvent, decodeEventRecord, encodeEvent } from './codec/json-codec.js';
export { findVersionConflict, isVersionConflict } from './errors/is-version-conflict.js';
export { REPLAY_ERROR, ReplayError } from './errors/replay-error.js';
export { SUBSCRIPTION_OVERFLOW, SubscriptionOverflowError } from './errors/subscription-overflow-error.js';
export { isValidationError, VALIDATION_ERROR, ValidationError } from './errors/validation-error.js';
export {
  VERSION_CONFLICT,
  type VersionConflictDetails,
  VersionConflictError,
} from './errors/version-conflict-error.js';
export type { ActorSnapshot, AnyEvent, Event, JsonObject, JsonValue } from './event.js';
export type { Delivery, EventBus, OverflowPolicy, SubscribeOptions, Subscription } from './event-bus.js';
export type {
  EventStore,
  EventStoreWithErrors,
  EventsWithErrors,
  RejectedWrite,
  SnapshotStore,
} from './event-store.js';
export { isSnapshotStore, type LoadedState, loadState } from './load-state.js';
export { type Reducer, type ReplayResult, type ReplayStart, replay } from './replay.js';
export { compilePattern, matchesPattern, parsePattern, validateNamespace } from './subject/patterns.js';
export { decodeSubjectToken, encodeSubjectToken } from './subject/subject-token.js';
export { MAX_EVENT_ID_LENGTH, requireEventId } from './validation/event-id.js';
export { MAX_EVENT_BYTES } from './validation/event-size.js';
export { freezeJsonObject, type JsonWalk } from './validation/freeze-json.js';
export { requireText } from './validation/require-text.js';
export {
  checkEventRecord,
  type EventRecord,
  type EventRecordDraft,
  eventFromRecord,
  newEventRecordDraft,
  requireMetadata,
  requireVersion,
  validateEvent,
  validateEventRecord,
} from './validation/validate-event.js';
export { assertSnapshotNotAhead, validateSnapshot } from './validation/validate-snapshot.js';
