import { matchesPattern, parsePattern } from '@aether/core/adapter';
import {
  type Msg,
  type MsgHdrs,
  headers as makeHeaders,
  type NatsConnection,
  type Status,
} from '@nats-io/nats-core';

interface FakeSubscription {
  subject: string;
  tokens: readonly string[];
  callback: (err: Error | null, msg: Msg) => void;
  closed: boolean;
}

/**
 * Just enough of a nats.js connection for unit tests of the bus, with no server: it records what
 * is published and subscribed, delivers what a test injects to matching subscriptions (and, like a
 * connection that echoes, what the bus publishes), and emits status events on demand.
 */
export class FakeConnection {
  readonly published: { subject: string; data: Uint8Array; headers: MsgHdrs | undefined }[] = [];
  readonly subscriptions: FakeSubscription[] = [];
  info: { max_payload: number } | undefined = { max_payload: 1024 * 1024 };
  echo = true;
  flushes = 0;
  #closed = false;
  #closedReason: Error | undefined;
  #resolveClosed: (() => void) | undefined;
  readonly #closedPromise = new Promise<void>((resolve) => {
    this.#resolveClosed = resolve;
  });
  readonly #listeners: { push(status: Status | undefined): void }[] = [];

  asConnection(): NatsConnection {
    return this as unknown as NatsConnection;
  }

  isClosed(): boolean {
    return this.#closed;
  }

  async closed(): Promise<Error | undefined> {
    await this.#closedPromise;
    return this.#closedReason;
  }

  status(): AsyncIterable<Status> & { stop(): void } {
    const queue: (Status | undefined)[] = [];
    let wake: (() => void) | undefined;
    const listener = {
      push: (status: Status | undefined) => {
        queue.push(status);
        wake?.();
      },
    };
    this.#listeners.push(listener);
    return {
      stop: () => listener.push(undefined),
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

  /** Sends a status event to every listener. */
  emit(status: Status): void {
    for (const listener of this.#listeners) listener.push(status);
  }

  /** Closes the connection as nats.js does when it gives up: a `close` status, then `closed()` resolves. */
  closeUnder(reason?: Error): void {
    this.#closed = true;
    this.#closedReason = reason;
    this.emit({ type: 'close' });
    for (const listener of this.#listeners) listener.push(undefined);
    this.#resolveClosed?.();
  }

  publish(subject: string, data: Uint8Array, options?: { headers?: MsgHdrs }): void {
    if (this.#closed) throw Object.assign(new Error('closed connection'), { name: 'ClosedConnectionError' });
    this.published.push({ subject, data, headers: options?.headers });
    if (this.echo) this.inject(subject, data, options?.headers);
  }

  subscribe(subject: string, options: { callback: FakeSubscription['callback'] }) {
    if (this.#closed) throw Object.assign(new Error('closed connection'), { name: 'ClosedConnectionError' });
    const subscription: FakeSubscription = {
      subject,
      tokens: parsePattern(subject),
      callback: options.callback,
      closed: false,
    };
    this.subscriptions.push(subscription);
    return {
      unsubscribe: () => {
        subscription.closed = true;
      },
    };
  }

  /** Subjects of the subscriptions still open. */
  openSubjects(): string[] {
    return this.subscriptions.filter((s) => !s.closed).map((s) => s.subject);
  }

  /** Delivers a message to every open subscription whose subject matches, as the server would. */
  inject(subject: string, data: Uint8Array, hdrs?: MsgHdrs): void {
    for (const subscription of this.subscriptions) {
      if (subscription.closed || !matchesPattern(subscription.tokens, subject)) continue;
      subscription.callback(null, { subject, data, headers: hdrs } as Msg);
    }
  }

  /** Fails every open subscription with `error` (by default one that is not nats.js's permissions error). */
  refuseSubscriptions(
    error: (subject: string) => Error = () => new Error('refused for another reason'),
  ): void {
    for (const subscription of this.subscriptions) {
      if (!subscription.closed) subscription.callback(error(subscription.subject), {} as Msg);
    }
  }

  async flush(): Promise<void> {
    this.flushes++;
  }

  async drain(): Promise<void> {
    this.closeUnder();
  }

  async close(): Promise<void> {
    this.closeUnder();
  }
}

/** Headers as another bus would send them. */
export function originOf(nodeId: string): MsgHdrs {
  const hdrs = makeHeaders();
  hdrs.set('Aether-Origin', nodeId);
  return hdrs;
}
