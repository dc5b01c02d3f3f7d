/**
 * `@aether/testing`: given/when/then specs for deciders (one line per rule, with no store or
 * against any `EventStore`) and for projections (proving their read model idempotent).
 */

export type { ProjectedEvent } from './projection/given-events.js';
export {
  type ProjectionGiven,
  ProjectionSpec,
  type ProjectionSpecOptions,
} from './projection/projection-spec.js';
export type { ReadModelCheck } from './projection/read-model-check.js';
export type { ReadModelSetup, SpecReadModel } from './projection/spec-read-model.js';
export { DeciderSpec, type DeciderSpecOptions, type SpecGiven, type SpecWhen } from './spec/decider-spec.js';
export type { ErrorClass } from './spec/expectations.js';
export { SpecFailure } from './spec/spec-failure.js';
export type { SpecStore } from './spec/store-factory.js';
