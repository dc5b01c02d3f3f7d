import type { MutableSnapshot } from './sample-snapshots.js';

/** One way a snapshot can be malformed, and the field its `ValidationError` must name. */
export interface InvalidSnapshotCase {
  name: string;
  field: string;
  corrupt: (valid: MutableSnapshot) => unknown;
}

const set = (key: string, value: unknown) => (valid: MutableSnapshot) => ({ ...valid, [key]: value });

/** Every case `validateSnapshot` in `@aether/core` rejects. */
export const invalidSnapshotCases: InvalidSnapshotCase[] = [
  { name: 'the snapshot is null', field: 'snapshot', corrupt: () => null },
  { name: 'an empty actorId', field: 'actorId', corrupt: set('actorId', '') },
  { name: 'version 0', field: 'version', corrupt: set('version', 0) },
  { name: 'a fractional version', field: 'version', corrupt: set('version', 0.5) },
  { name: 'a string version', field: 'version', corrupt: set('version', '1') },
  { name: 'null state', field: 'state', corrupt: set('state', null) },
  { name: 'an array as state', field: 'state', corrupt: set('state', []) },
  { name: 'a function in the state', field: 'state.fn', corrupt: set('state', { fn: () => 1 }) },
  { name: 'a BigInt in the state', field: 'state.total', corrupt: set('state', { total: 1n }) },
  {
    name: 'a __proto__ key in the state',
    field: 'state.__proto__',
    corrupt: set('state', JSON.parse('{"__proto__":{}}')),
  },
  { name: 'an invalid Date', field: 'timestamp', corrupt: set('timestamp', new Date(Number.NaN)) },
  { name: 'a string timestamp', field: 'timestamp', corrupt: set('timestamp', '2024-01-01T00:00:00Z') },
];
