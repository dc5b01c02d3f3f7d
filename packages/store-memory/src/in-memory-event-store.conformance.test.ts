import { describeEventLog, describeEventStore, describeSnapshotStore } from '@aether/conformance';
import { InMemoryEventStore } from './in-memory-event-store.js';

describeEventStore('InMemoryEventStore', () => new InMemoryEventStore());
describeSnapshotStore('InMemoryEventStore', () => new InMemoryEventStore());
describeEventLog('InMemoryEventStore', () => new InMemoryEventStore());
