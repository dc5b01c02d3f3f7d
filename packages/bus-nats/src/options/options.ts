import { randomUUID } from 'node:crypto';
import { type SubscribeOptions, ValidationError } from '@aether/core';
import type { NodeConnectionOptions } from '@nats-io/transport-node';
import type { NatsBusError } from './errors.js';
import { DEFAULT_SUBJECT_PREFIX, validateSubjectPrefix } from './subject/subject-layout.js';
import { validateNodeId } from './wire/origin.js';

/** Options of a bus on a connection. */
export interface NatsEventBusOptions {
  /**
   * First tokens of every subject the bus uses (default `'aether-bus'`). Applications that share a
   * NATS server but must never see each other's events use different prefixes, neither a leading
   * part of the other (`shop.bus` and `billing.bus`, not `shop` and `shop.bus`).
   */
  subjectPrefix?: string;
  /**
   * Names this bus in the `Aether-Origin` header of what it publishes, so that it can skip its own
   * messages when the connection echoes them. Default: a random UUID. 1 to 128 visible ASCII characters.
   */
  nodeId?: string;
  /**
   * Told about what the bus dropped or lost without a caller to reject: malformed messages
   * (`MALFORMED_MESSAGE`), publishes and subscriptions the server's permissions refused
   * (`PERMISSION_DENIED`), other subscriptions it refused (`SUBSCRIPTION_FAILED`), and the
   * connection closing under the bus (`CONNECTION_CLOSED`). Runs synchronously; whatever it throws
   * is ignored.
   */
  onError?: (error: NatsBusError) => void;
}

/** Options of `NatsEventBus.connect`: where the servers are and how to connect to them. */
export interface NatsEventBusConnectOptions extends NatsEventBusOptions {
  /** `nats://host:port` URLs (or `host:port`) of one or more servers. */
  servers: string | string[];
  /**
   * Anything else nats.js accepts: `user`/`pass`, `token`, `authenticator`, `tls`, `name`,
   * reconnect policy... The bus sets `noEcho: true` (it delivers its own events locally) and, unless
   * given, `maxReconnectAttempts: -1` (reconnect for ever) and `name: 'aether-bus <nodeId>'`.
   */
  connection?: Omit<NodeConnectionOptions, 'servers' | 'noEcho'>;
}

/** A bus's options after defaults and checks. */
export interface ResolvedOptions {
  subjectPrefix: string;
  nodeId: string;
  onError: ((error: NatsBusError) => void) | undefined;
}

/** Applies the defaults and checks every option; throws `ValidationError` naming the bad one. */
export function resolveOptions(options: NatsEventBusOptions): ResolvedOptions {
  const { subjectPrefix = DEFAULT_SUBJECT_PREFIX, nodeId = randomUUID(), onError } = options;
  if (onError !== undefined && typeof onError !== 'function') {
    throw new ValidationError('onError', 'must be a function');
  }
  return { subjectPrefix: validateSubjectPrefix(subjectPrefix), nodeId: validateNodeId(nodeId), onError };
}

/**
 * Reads `subscribe()`'s options once, so that what is validated is what is used (the caller's
 * object or its arrays may change later); anything but an object is left for validation to refuse.
 */
export function pickSubscribeOptions(options: unknown): SubscribeOptions | undefined {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return options as undefined;
  const { eventTypes, actorPattern, bufferSize, overflow } = options as SubscribeOptions;
  return {
    eventTypes: Array.isArray(eventTypes) ? [...eventTypes] : eventTypes,
    actorPattern,
    bufferSize,
    overflow,
  };
}
