import { describeCheckpointStore } from '@aether/conformance';
import { postgresCheckpoints } from './postgres-checkpoints.js';
import { testDatabase } from './test-support/database.js';

const { pool, schema } = testDatabase('conformance');

describeCheckpointStore('postgresCheckpoints', () => postgresCheckpoints(pool, { schema }), {
  storeScope: 'suite',
  timeout: 30_000,
});
