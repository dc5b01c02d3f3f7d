import type { NatsConnection, Status } from '@nats-io/nats-core';

/**
 * Follows a connection's status events: `connected` is false from nats.js's `disconnect` until
 * its `reconnect`; `onClosed` runs once when the connection closes for good. `stop()` ends the
 * watch (and releases the status listener) without closing anything.
 */
export class ConnectionWatch {
  #connected = true;
  #stopped = false;
  readonly #status: AsyncIterable<Status>;

  constructor(nc: NatsConnection, onClosed: (reason: Error | undefined) => void) {
    this.#connected = !nc.isClosed();
    this.#status = nc.status();
    void this.#follow(nc, onClosed);
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

  async #follow(nc: NatsConnection, onClosed: (reason: Error | undefined) => void): Promise<void> {
    try {
      for await (const status of this.#status) {
        if (status.type === 'disconnect') this.#connected = false;
        else if (status.type === 'reconnect') this.#connected = true;
        else if (status.type === 'close') break;
      }
    } catch {
      // the iterator only ends; nothing to report
    }
    if (this.#stopped) return;
    this.#connected = false;
    const reason = await nc.closed();
    if (!this.#stopped) onClosed(reason instanceof Error ? reason : undefined);
  }
}
