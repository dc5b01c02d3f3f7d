import { describeEventLog, describeEventStore, describeSnapshotStore } from '@aether/conformance';
import { jetStreamStore } from '../test-support/jetstream.js';
import { orderUpcasters } from '../test-support/orders.js';
import { withUpcasting } from './with-upcasting.js';

// The JetStream store on real NATS, wrapped: one stream for the file, every test its own actors.
const store = withUpcasting(await jetStreamStore('upcasting-conformance'), orderUpcasters);
const keep = () => undefined; // the store is closed (and its stream dropped) after the file

const options = { storeScope: 'suite', teardown: keep, timeout: 60_000 } as const;
describeEventStore('withUpcasting(JetStreamEventStore)', () => store, options);
describeSnapshotStore('withUpcasting(JetStreamEventStore)', () => store, options);
describeEventLog('withUpcasting(JetStreamEventStore)', () => store, options);
