import { describeEventLog, describeEventStore, describeSnapshotStore } from '@aether/conformance';
import { JetStreamEventStore } from './jetstream-event-store.js';
import { testConnection, testStore, uniqueStoreName } from './test-support/nats.js';

// One stream (and snapshot bucket) for this file; every conformance test uses its own actor ids.
const nc = await testConnection();
const options = { storeName: uniqueStoreName('conformance') };
const store = await testStore(nc, options);
const keep = () => undefined; // the shared store is closed (and its stream dropped) after the file

describeEventStore('JetStreamEventStore', () => store, { storeScope: 'suite', teardown: keep });
describeSnapshotStore('JetStreamEventStore', () => store, { storeScope: 'suite', teardown: keep });
describeEventLog('JetStreamEventStore', () => store, { storeScope: 'suite', teardown: keep });

// Again with a new store per test on the same stream: cold caches, and a store that closes after each test.
describeEventStore(
  'JetStreamEventStore (a new store per test)',
  () => JetStreamEventStore.open(nc, options),
  {
    idPrefix: 'fresh',
  },
);
describeSnapshotStore(
  'JetStreamEventStore (a new store per test)',
  () => JetStreamEventStore.open(nc, options),
  {
    idPrefix: 'fresh',
  },
);
