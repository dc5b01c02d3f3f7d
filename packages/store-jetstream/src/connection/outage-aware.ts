import {
  type Msg,
  type NatsConnection,
  type Payload,
  RequestError,
  type RequestOptions,
} from '@nats-io/nats-core';
import { ConnectionDownError } from './connection-down-error.js';
import { type ConnectionEvents, connectionEvents } from './connection-events.js';

/** nats.js's request timeout when none is given. */
const defaultRequestTimeoutMs = 1000;

/**
 * `nc` as the store's JetStream API clients use it (`jetstreamManager(outageAware(nc))`, and the
 * snapshot bucket through it): every request made through it waits for an answer only while the
 * connection is up. One in flight when the connection drops fails at once as a dropped connection
 * (`RequestError`, a retryable `DISCONNECTED`) instead of waiting for its timeout: nats.js keeps
 * waiting, though no answer can come (the server forgot the client's reply subscription with the
 * client). One made while the connection is down waits for it to come back, within its timeout,
 * and is sent then: nats.js would write it to a buffer that it discards when it dials again, so
 * it would only time out. Everything else is `nc` itself.
 */
export function outageAware(nc: NatsConnection): NatsConnection {
  const events = connectionEvents(nc);
  const request = (subject: string, payload?: Payload, options?: RequestOptions) =>
    guardedRequest(nc, events, subject, payload, options);
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(nc, {
    get(target, property) {
      if (property === 'request') return request;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // Methods run on the connection itself, never on the proxy.
      let method = bound.get(property);
      if (method === undefined) {
        method = value.bind(target);
        bound.set(property, method);
      }
      return method;
    },
  });
}

async function guardedRequest(
  nc: NatsConnection,
  events: ConnectionEvents,
  subject: string,
  payload: Payload | undefined,
  options: RequestOptions | undefined,
): Promise<Msg> {
  let sendOptions = options;
  if (!events.connected && !nc.isClosed()) {
    const timeoutMs = options?.timeout ?? defaultRequestTimeoutMs;
    const started = performance.now();
    const up = await events.whenUp(timeoutMs);
    // Closed for good: nats.js reports that itself, as it always does.
    if (!up && !nc.isClosed()) throw new ConnectionDownError(timeoutMs);
    const left = Math.max(1, Math.round(timeoutMs - (performance.now() - started)));
    sendOptions = { ...options, timeout: left };
  }
  return whileConnected(events, nc.request(subject, payload, sendOptions));
}

/** `operation`'s outcome, or a dropped-connection `RequestError` as soon as the connection drops. */
export function whileConnected<T>(events: ConnectionEvents, operation: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const off = events.onDrop(() => reject(new RequestError('connection disconnected')));
    operation.then(
      (value) => {
        off();
        resolve(value);
      },
      (err: unknown) => {
        off();
        reject(err);
      },
    );
  });
}
