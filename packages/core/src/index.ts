/**
 * `@aether/core`: what an application uses. Events and snapshots, the store and bus contracts,
 * the errors every package throws and how to recognise them, validation, replaying state, and the
 * in-process bus. Store and bus authors find their toolkit in `@aether/core/adapter`.
 */
export {
  EVENT_BUS_CLOSED,
  EventBusClosedError,
  findEventBusClosedError,
  isEventBusClosedError,
} from './bus/event-bus-closed-error.js';
export { LocalEventBus } from './bus/local-event-bus.js';
export { type AetherError, isRetryable } from './errors/error-kind.js';
export {
  findHistoryExpiredError,
  HISTORY_EXPIRED,
  HistoryExpiredError,
  isHistoryExpiredError,
} from './errors/history-expired-error.js';
export { findReplayError, isReplayError, REPLAY_ERROR, ReplayError } from './errors/replay-error.js';
export {
  findSubscriptionOverflowError,
  isSubscriptionOverflowError,
  SUBSCRIPTION_OVERFLOW,
  SubscriptionOverflowError,
} from './errors/subscription-overflow-error.js';
export {
  findValidationError,
  isValidationError,
  VALIDATION_ERROR,
  ValidationError,
} from './errors/validation-error.js';
export {
  findVersionConflict,
  isVersionConflict,
  VERSION_CONFLICT,
  type VersionConflictDetails,
  VersionConflictError,
} from './errors/version-conflict-error.js';
export type { ActorSnapshot, AnyEvent, Event, JsonObject, JsonValue } from './event.js';
export type { Delivery, EventBus, OverflowPolicy, SubscribeOptions, Subscription } from './event-bus.js';
export type {
  EventLog,
  EventSubscription,
  LogSubscribeOptions,
  Position,
  ReadAllOptions,
  RecordedEvent,
  ReplayErrorHandling,
} from './event-log.js';
export type {
  EventStore,
  EventStoreWithErrors,
  EventsWithErrors,
  RejectedWrite,
  SnapshotStore,
} from './event-store.js';
export { isSnapshotStore, type LoadedState, loadState } from './load-state.js';
export { type Reducer, type ReplayResult, type ReplayStart, replay } from './replay.js';
export { MAX_EVENT_ID_LENGTH } from './validation/event-id.js';
export { MAX_EVENT_BYTES } from './validation/event-size.js';
export { validateEvent } from './validation/validate-event.js';
export { validateSnapshot } from './validation/validate-snapshot.js';
