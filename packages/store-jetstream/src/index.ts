export { DEFAULT_JETSTREAM_CONFIG, defaultJetStreamConfig, type JetStreamConfig } from './config/config.js';
export type { ResolvedConfig } from './config/resolve-config.js';
export {
  findJetStreamStoreError,
  isJetStreamStoreError,
  JetStreamStoreError,
  type JetStreamStoreErrorCode,
} from './errors/store-error.js';
export {
  type JetStreamConnectOptions,
  JetStreamEventStore,
  type JetStreamEventStoreOptions,
} from './jetstream-event-store.js';
