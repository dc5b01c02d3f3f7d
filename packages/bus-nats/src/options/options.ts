import type { NodeConnectionOptions } from '@nats-io/transport-node';
import type { NatsBusError } from '../errors/bus-error.js';

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
