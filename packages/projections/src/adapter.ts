// The toolkit of checkpoint-store authors (`@aether/projections/adapter`): the errors the
// `CheckpointStore` contract requires, made the same way by every store.
export { checkpointConflict, leaseLost } from './errors/projection-error.js';
