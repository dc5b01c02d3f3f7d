import { describeEventStore, describeSnapshotStore } from '@aether/conformance';
import { InMemoryEventStore } from './in-memory-event-store.js';

describeEventStore('InMemoryEventStore', () => new InMemoryEventStore());
describeSnapshotStore('InMemoryEventStore', () => new InMemoryEventStore());
