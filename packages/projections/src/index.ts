export type {
  CheckpointStore,
  CommitRange,
  Lease,
  ParkedEvent,
} from './checkpoints/checkpoint-store.js';
export { memoryCheckpoints } from './checkpoints/memory-checkpoints.js';
export {
  findProjectionError,
  isProjectionError,
  ProjectionError,
  type ProjectionErrorCode,
} from './errors/projection-error.js';
export type { Projection } from './projection.js';
export type { PoisonPolicy } from './runner/apply-batch.js';
export {
  ProjectionRunner,
  type ProjectionState,
  type ProjectionStatus,
} from './runner/projection-runner.js';
export { type RebuildOptions, rebuildProjection } from './runner/rebuild-projection.js';
export { PROJECTION_DEFAULTS, type RunProjectionOptions, runProjection } from './runner/run-projection.js';
