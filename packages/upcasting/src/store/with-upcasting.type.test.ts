// Type-level tests, checked by `tsc -p tsconfig.test.json`, never run. Each `@ts-expect-error`
// fails the type check if the line below it starts compiling.
import type { EventStore, EventStoreWithErrors } from '@aether/core';
import type { JetStreamEventStore } from '@aether/store-jetstream';
import type { InMemoryEventStore } from '@aether/store-memory';
import { defineUpcasters } from '../chain/define-upcasters.js';
import { withUpcasting } from './with-upcasting.js';

const upcasters = defineUpcasters({});
declare const plain: EventStore;
declare const memory: InMemoryEventStore;
declare const jetStream: JetStreamEventStore;

// Every wrapper reports errors, whatever the store.
export const reports: EventStoreWithErrors = withUpcasting(plain, upcasters);

// The log and snapshots only where the store has them, so loadState looks only where there are some.
export const snapshot = withUpcasting(memory, upcasters).getLatestSnapshot('a');
export const log = withUpcasting(memory, upcasters).readAll();
// @ts-expect-error a plain EventStore has no snapshots
export const noSnapshot = withUpcasting(plain, upcasters).getLatestSnapshot('a');
// @ts-expect-error nor a log
export const noLog = withUpcasting(plain, upcasters).subscribe();

// close() passes through where there is one.
export const closes: Promise<void> = withUpcasting(jetStream, upcasters).close();
// @ts-expect-error the memory store has nothing to close
export const noClose = withUpcasting(memory, upcasters).close();
