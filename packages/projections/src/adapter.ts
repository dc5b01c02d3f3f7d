/**
 * `@aether/projections/adapter`: the toolkit for people writing checkpoint stores (ours, and third
 * parties'), so that every store refuses a lost lease or a moved position with the same error and
 * message. Applications need only `@aether/projections`.
 */
export { checkpointConflict, leaseLost } from './errors/projection-error.js';
