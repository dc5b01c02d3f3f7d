export { type AdaptiveOptions, adaptive, contentionOf, DEFAULT_ADAPTIVE } from './backoff/adaptive.js';
export type { BackoffContext, BackoffStrategy } from './backoff/backoff.js';
export { constant } from './backoff/constant.js';
export { DEFAULT_EXPONENTIAL, type ExponentialOptions, exponential } from './backoff/exponential.js';
export { exponentialWithJitter, type JitterOptions } from './backoff/jitter.js';
export { CircuitBreaker } from './breaker/circuit-breaker.js';
export {
  CIRCUIT_BREAKER_DEFAULTS,
  type CircuitBreakerOptions,
  type CircuitState,
  type CircuitStateChange,
} from './breaker/options.js';
export { type Clock, type RandomSource, systemClock } from './clock/clock.js';
export { VirtualClock, type VirtualClockOptions } from './clock/virtual-clock.js';
export { CircuitOpenError } from './errors/circuit-open-error.js';
export {
  CIRCUIT_OPEN,
  DEAD_LETTER_HANDLER_FAILED,
  RETRY_ABORTED,
  RETRY_EXHAUSTED,
  RETRY_QUEUE_CLOSED,
  RETRY_QUEUE_FULL,
  RETRY_THRASHING,
  type RetryErrorCode,
} from './errors/codes.js';
export { DeadLetterHandlerError } from './errors/dead-letter-handler-error.js';
export { findRetryError, isRetryError } from './errors/is-retry-error.js';
export { RetryAbortedError } from './errors/retry-aborted-error.js';
export { RetryExhaustedError } from './errors/retry-exhausted-error.js';
export { RetryFailure } from './errors/retry-failure.js';
export { RetryQueueClosedError, RetryQueueFullError } from './errors/retry-queue-errors.js';
export { RetryThrashingError } from './errors/retry-thrashing-error.js';
export { type DeadLetter, RETRY_QUEUE_DEFAULTS, type RetryQueueOptions } from './queue/options.js';
export { RetryQueue, type RetryQueueStats } from './queue/retry-queue.js';
export { RETRY_DEFAULTS, type RetryOptions, type RetryPredicate } from './retry/options.js';
export { type AttemptContext, retry } from './retry/retry.js';
export {
  type MakeEventContext,
  type SaveResult,
  type SaveWithStateOptions,
  saveWithRetry,
} from './save/save-with-retry.js';
