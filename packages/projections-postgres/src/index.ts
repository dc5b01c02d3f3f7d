export {
  isPostgresCheckpointError,
  PostgresCheckpointError,
  type PostgresCheckpointErrorCode,
} from './errors/postgres-checkpoint-error.js';
export { POSTGRES_CHECKPOINT_DEFAULTS, type PostgresCheckpointsOptions } from './options.js';
export { postgresCheckpoints } from './postgres-checkpoints.js';
