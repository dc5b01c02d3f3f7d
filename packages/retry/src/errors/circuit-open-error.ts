import { brand } from './brand.js';
import { CIRCUIT_OPEN } from './codes.js';

/**
 * A `CircuitBreaker` refused a call without running it: the circuit is open (too many recent
 * failures), or half-open with its trial call still running.
 */
export class CircuitOpenError extends Error {
  readonly code = CIRCUIT_OPEN;
  /** True: the same call may run once the breaker lets calls through again (see `retryAfterMs`). */
  readonly retryable = true;
  /** The breaker's name (`'circuit'` unless one was given). */
  readonly circuit: string;
  readonly state: 'open' | 'half-open';
  /** Milliseconds until the breaker lets a trial call through; 0 while a trial call runs. */
  readonly retryAfterMs: number;

  constructor(details: {
    circuit: string;
    state: 'open' | 'half-open';
    retryAfterMs: number;
    cause?: unknown;
  }) {
    const why =
      details.state === 'open'
        ? `is open after repeated failures; calls fail fast for another ${details.retryAfterMs} ms, then one trial call is let through`
        : 'is half-open and its trial call is still running; try again when it has finished';
    super(
      `circuit ${JSON.stringify(details.circuit)} ${why}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = 'CircuitOpenError';
    this.circuit = details.circuit;
    this.state = details.state;
    this.retryAfterMs = details.retryAfterMs;
    brand(this);
  }
}
