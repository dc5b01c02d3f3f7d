import type { NatsConnection, Status } from '@nats-io/nats-core';

/** What a `ConnectionWatch` tells its bus. */
export interface ConnectionListener {
  /** Once, when the connection closes for good. */
  onClosed(reason: Error | undefined): void;
  /** For every error the server reports on the connection (a refused publish is only reported so). */
  onServerError(error: Error): void;
}

/**
 * Follows a connection's status events: `connected` is false from nats.js's `disconnect` until
 * its `reconnect`; the listener hears the errors the server reports and, once, the connection
 * closing for good. `stop()` ends the watch (and releases the status listener) without closing anything.
 */
export class ConnectionWatch {
  #connected = true;
  #stopped = false;
  readonly #status: AsyncIterable<Status>;

  constructor(nc: NatsConnection, listener: ConnectionListener) {
    this.#connected = !nc.isClosed();
    this.#status = nc.status();
    void this.#follow(nc, listener);
  }

  /** False while nats.js is reconnecting, and after the connection has closed. */
  get connected(): boolean {
    return this.#connected;
  }

  stop(): void {
    this.#stopped = true;
    // nats.js's status iterator ends when stopped (QueuedIterator.stop); a `break` would wait for the next status.
    (this.#status as { stop?: () => void }).stop?.();
  }

  async #follow(nc: NatsConnection, listener: ConnectionListener): Promise<void> {
    try {
      for await (const status of this.#status) {
        if (status.type === 'disconnect') this.#connected = false;
        else if (status.type === 'reconnect') this.#connected = true;
        else if (status.type === 'error') listener.onServerError(status.error);
        else if (status.type === 'close') break;
      }
    } catch {
      // the iterator only ends; nothing to report
    }
    if (this.#stopped) return;
    this.#connected = false;
    const reason = await nc.closed();
    if (!this.#stopped) listener.onClosed(reason instanceof Error ? reason : undefined);
  }
}
