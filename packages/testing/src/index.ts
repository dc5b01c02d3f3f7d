/**
 * `@aether/testing`: given/when/then specs for deciders, one line per rule, with no store or
 * against any `EventStore`.
 */
export { DeciderSpec, type DeciderSpecOptions, type SpecGiven, type SpecWhen } from './spec/decider-spec.js';
export type { ErrorClass } from './spec/expectations.js';
export { SpecFailure } from './spec/spec-failure.js';
export type { SpecStore } from './spec/store-factory.js';
