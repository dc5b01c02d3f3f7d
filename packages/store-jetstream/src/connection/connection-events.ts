import type { NatsConnection, Status } from '@nats-io/nats-core';

/** A publish or subscription the server's permissions refused, as nats.js reports it. */
export interface Refusal extends Error {
  /** `publish`, or `subscription` (nats.js's word for the subscribe permission). */
  operation: string;
  subject: string;
}

/**
 * What the store's parts need to know of a connection as it happens: whether it is up, when it
 * drops, and what the server's permissions refuse. nats.js reports those only as status events,
 * and does not fail a request or a publish waiting for its answer when the connection drops: the
 * answer can no longer come (the server forgets a client's subscriptions when it goes), yet each
 * would wait for its full timeout. One status iterator per connection, shared by every store on it
 * (`connectionEvents`), read for as long as the connection lives.
 */
export class ConnectionEvents {
  #connected: boolean;
  readonly #dropListeners = new Set<() => void>();
  readonly #refusalListeners = new Set<(refusal: Refusal) => void>();
  readonly #upListeners = new Set<(up: boolean) => void>();

  constructor(status: AsyncIterable<Status> | Iterable<Status>, connected: boolean) {
    this.#connected = connected;
    void this.#follow(status);
  }

  /** False from nats.js's `disconnect` status until its `reconnect`, and once the connection has closed. */
  get connected(): boolean {
    return this.#connected;
  }

  /** Runs `listener` whenever the connection drops (or closes) until the returned function is called. */
  onDrop(listener: () => void): () => void {
    this.#dropListeners.add(listener);
    return () => this.#dropListeners.delete(listener);
  }

  /** Runs `listener` for every publish or subscription the server refuses, until the returned function is called. */
  onRefusal(listener: (refusal: Refusal) => void): () => void {
    this.#refusalListeners.add(listener);
    return () => this.#refusalListeners.delete(listener);
  }

  /** Runs `listener(true)` when the connection is back, or `listener(false)` when it closes for good. */
  onUp(listener: (up: boolean) => void): () => void {
    this.#upListeners.add(listener);
    return () => this.#upListeners.delete(listener);
  }

  /** True at once when connected; otherwise true once it is back, false after `ms` or when it closes. */
  whenUp(ms: number): Promise<boolean> {
    if (this.#connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (up: boolean) => {
        clearTimeout(timer);
        off();
        resolve(up);
      };
      const off = this.onUp(done);
      const timer = setTimeout(() => done(false), ms);
    });
  }

  async #follow(status: AsyncIterable<Status> | Iterable<Status>): Promise<void> {
    try {
      for await (const event of status) {
        if (event.type === 'disconnect') this.#drop();
        else if (event.type === 'reconnect') this.#up(true);
        else if (event.type === 'error' && isRefusal(event.error)) {
          for (const listener of [...this.#refusalListeners]) listener(event.error);
        } else if (event.type === 'close') break;
      }
    } catch {
      // the iterator only ends; nothing to report
    }
    // The connection closed: nothing in flight can be answered, and it never comes back.
    this.#drop();
    this.#up(false);
  }

  #drop(): void {
    this.#connected = false;
    for (const listener of [...this.#dropListeners]) listener();
  }

  #up(up: boolean): void {
    this.#connected = up;
    for (const listener of [...this.#upListeners]) listener(up);
  }
}

// By name, not instanceof: a caller's connection may come from another copy of nats.js.
function isRefusal(error: Error): error is Refusal {
  const { operation, subject } = error as Partial<Refusal>;
  return (
    error.name === 'PermissionViolationError' && typeof operation === 'string' && typeof subject === 'string'
  );
}

const byConnection = new WeakMap<NatsConnection, ConnectionEvents>();

/** The events of `nc`, followed from the first call on for as long as the connection lives. */
export function connectionEvents(nc: NatsConnection): ConnectionEvents {
  let events = byConnection.get(nc);
  if (events === undefined) {
    // A closed connection has no events left to tell (and would never end a status iterator).
    events = nc.isClosed() ? new ConnectionEvents([], false) : new ConnectionEvents(nc.status(), true);
    byConnection.set(nc, events);
  }
  return events;
}
