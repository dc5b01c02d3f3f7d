export {
  findJetStreamStoreError,
  isJetStreamStoreError,
  JetStreamStoreError,
  type JetStreamStoreErrorCode,
} from './errors/store-error.js';
export { JetStreamEventStore } from './jetstream-event-store.js';
export {
  DEFAULT_JETSTREAM_CONFIG,
  defaultJetStreamConfig,
  type JetStreamConfig,
  type JetStreamConnectOptions,
  type JetStreamEventStoreOptions,
} from './options/options.js';
export type { ResolvedConfig } from './options/resolve-options.js';
