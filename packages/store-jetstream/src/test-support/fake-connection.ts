import type { Msg, NatsConnection, RequestOptions, Status } from '@nats-io/nats-core';

/** A request the fake connection was given, which the test answers or fails. */
export interface FakeRequest {
  subject: string;
  options: RequestOptions | undefined;
  answer(msg: Msg): void;
  fail(err: unknown): void;
}

/**
 * Just enough of a nats.js connection for unit tests of what the store builds on status events:
 * status events the test emits, requests it answers by hand, a closed flag.
 */
export class FakeConnection {
  readonly requests: FakeRequest[] = [];
  readonly name = 'fake';
  #closed = false;
  readonly #listeners: { push(status: Status | undefined): void }[] = [];

  asConnection(): NatsConnection {
    return this as unknown as NatsConnection;
  }

  isClosed(): boolean {
    return this.#closed;
  }

  describe(): string {
    return `the ${this.name} connection`;
  }

  status(): AsyncIterable<Status> {
    const queue: (Status | undefined)[] = [];
    let wake: (() => void) | undefined;
    this.#listeners.push({
      push: (status) => {
        queue.push(status);
        wake?.();
      },
    });
    return {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          const status = queue.shift();
          if (status === undefined) return;
          yield status;
        }
      },
    };
  }

  /** Sends a status event to every listener; resolves once they have had a turn to see it. */
  async emit(status: Status): Promise<void> {
    for (const listener of this.#listeners) listener.push(status);
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Closes the connection as nats.js does: a `close` status, then the status iterators end. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.emit({ type: 'close' });
    for (const listener of this.#listeners) listener.push(undefined);
  }

  request(subject: string, _payload?: unknown, options?: RequestOptions): Promise<Msg> {
    return new Promise<Msg>((resolve, reject) => {
      this.requests.push({ subject, options, answer: resolve, fail: reject });
    });
  }
}
