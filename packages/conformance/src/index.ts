export type {
  EventBusFactory,
  EventBusFactoryContext,
  EventBusSuiteOptions,
} from './bus-kit/bus-suite-options.js';
export type {
  CheckpointStoreUnderTest,
  LeaseUnderTest,
  ParkedEventUnderTest,
} from './checkpoint-kit/checkpoint-contract.js';
export type { CheckpointStoreSuiteOptions } from './checkpoint-kit/checkpoint-suite-options.js';
export { describeCheckpointStore } from './checkpoint-store-suite.js';
export { describeEventBus } from './event-bus-suite.js';
export { describeEventLog } from './event-log-suite.js';
export { describeEventStore, type EventStoreSuiteOptions } from './event-store-suite.js';
export { describeSnapshotStore, type SnapshotStoreSuiteOptions } from './snapshot-store-suite.js';
export type { LogStore } from './store-kit/log-kit.js';
export type { StoreFactory, StoreSuiteOptions } from './store-kit/store-fixture.js';
