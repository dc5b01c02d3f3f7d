import { describeEventLog, describeEventStore, describeSnapshotStore } from '@aether/conformance';
import { InMemoryEventStore } from '@aether/store-memory';
import { orderUpcasters } from '../test-support/orders.js';
import { withUpcasting } from './with-upcasting.js';

// The wrapper keeps the store's contract: the suite's events are of types without a chain, so
// they must come back exactly as saved, while OrderPlaced (at version 3) is stamped and upcast.
const upcasting = () => withUpcasting(new InMemoryEventStore(), orderUpcasters);

describeEventStore('withUpcasting(InMemoryEventStore)', upcasting);
describeSnapshotStore('withUpcasting(InMemoryEventStore)', upcasting);
describeEventLog('withUpcasting(InMemoryEventStore)', upcasting);
