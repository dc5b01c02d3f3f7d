import { CircuitOpenError } from '../errors/circuit-open-error.js';
import { reportAsync } from '../util/report-async.js';
import {
  type CircuitBreakerOptions,
  type CircuitState,
  type ResolvedBreakerOptions,
  resolveBreakerOptions,
} from './options.js';

/**
 * Stops calling something that keeps failing, and tries it again later.
 *
 * - **closed**: calls run; `failureThreshold` failures in a row open the circuit (a success
 *   resets the count).
 * - **open**: calls fail fast with `CircuitOpenError` for `openDurationMs`; then the circuit
 *   turns half-open.
 * - **half-open**: one trial call at a time runs (others fail fast); `successThreshold`
 *   successes in a row close the circuit, a single failure opens it again.
 */
export class CircuitBreaker {
  readonly #o: ResolvedBreakerOptions;
  #state: CircuitState = 'closed';
  #failures = 0;
  #successes = 0;
  #openedAt = 0;
  #trialRunning = false;
  // Bumped on every state change: a call's outcome counts only in the state it was admitted in,
  // so a slow call started while closed cannot close or reopen a circuit that has moved on.
  #epoch = 0;

  constructor(options: CircuitBreakerOptions = {}) {
    this.#o = resolveBreakerOptions(options);
  }

  get name(): string {
    return this.#o.name;
  }

  /** The current state; an open circuit whose time is up reads (and becomes) half-open. */
  get state(): CircuitState {
    this.#refresh();
    return this.#state;
  }

  /** Failures in a row while closed. */
  get failures(): number {
    return this.#failures;
  }

  /** Runs `fn` unless the circuit is open (then `CircuitOpenError`); its result or error passes through. */
  async execute<T>(fn: () => T | Promise<T>): Promise<T> {
    this.#refresh();
    const trial = this.#admit();
    const epoch = this.#epoch;
    try {
      const result = await fn();
      if (epoch === this.#epoch) this.#onSuccess();
      return result;
    } catch (error) {
      if (epoch === this.#epoch && this.#o.isFailure(error)) this.#onFailure(error);
      throw error;
    } finally {
      if (trial && epoch === this.#epoch) this.#trialRunning = false;
    }
  }

  /** Closes the circuit and forgets all counts. */
  reset(): void {
    this.#failures = 0;
    this.#successes = 0;
    this.#trialRunning = false;
    this.#moveTo('closed');
  }

  /** Throws when the call may not run; returns true when it is the half-open trial call. */
  #admit(): boolean {
    if (this.#state === 'open') {
      const retryAfterMs = Math.max(
        0,
        Math.ceil(this.#openedAt + this.#o.openDurationMs - this.#o.clock.now()),
      );
      throw new CircuitOpenError({ circuit: this.#o.name, state: 'open', retryAfterMs });
    }
    if (this.#state === 'closed') return false;
    if (this.#trialRunning)
      throw new CircuitOpenError({ circuit: this.#o.name, state: 'half-open', retryAfterMs: 0 });
    this.#trialRunning = true;
    return true;
  }

  #onSuccess(): void {
    if (this.#state === 'closed') {
      this.#failures = 0;
    } else if (this.#state === 'half-open' && ++this.#successes >= this.#o.successThreshold) {
      this.#failures = 0;
      this.#successes = 0;
      this.#moveTo('closed');
    }
  }

  // An error that is not a failure (a ValidationError, by default) counts neither way.
  #onFailure(error: unknown): void {
    if (this.#state === 'half-open') this.#open(error);
    else if (this.#state === 'closed' && ++this.#failures >= this.#o.failureThreshold) this.#open(error);
  }

  #open(error: unknown): void {
    this.#openedAt = this.#o.clock.now();
    this.#successes = 0;
    this.#moveTo('open', error);
  }

  #refresh(): void {
    if (this.#state === 'open' && this.#o.clock.now() - this.#openedAt >= this.#o.openDurationMs) {
      this.#successes = 0;
      this.#moveTo('half-open');
    }
  }

  #moveTo(to: CircuitState, error?: unknown): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    this.#epoch++;
    this.#trialRunning = false;
    const listener = this.#o.onStateChange;
    if (listener === undefined) return;
    const change = {
      circuit: this.#o.name,
      from,
      to,
      at: this.#o.clock.now(),
      ...(error === undefined ? {} : { error }),
    };
    reportAsync(() => listener(change));
  }
}
