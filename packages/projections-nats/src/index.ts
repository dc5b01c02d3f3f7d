/**
 * `@aether/projections-nats`: checkpoints for `@aether/projections` in a NATS KV bucket, at least
 * once, with fenced leases and parked events.
 */
export {
  KV_CHECKPOINTS_DEFAULTS,
  type KvCheckpointsOptions,
} from './bucket/options.js';
export { kvCheckpoints } from './checkpoints/kv-checkpoints.js';
export {
  findKvCheckpointError,
  isKvCheckpointError,
  KvCheckpointError,
  type KvCheckpointErrorCode,
} from './errors/kv-checkpoint-error.js';
