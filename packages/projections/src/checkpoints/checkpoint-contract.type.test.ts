// Checked by `tsc -p tsconfig.test.json` (the typecheck task), never run. `@aether/conformance`
// states the checkpoint-store shape its suite calls (it cannot depend on this package); these
// lines stop compiling when that shape and `CheckpointStore` drift apart.
import type { CheckpointStoreUnderTest, LeaseUnderTest, ParkedEventUnderTest } from '@aether/conformance';
import type { CheckpointStore, Lease, ParkedEvent } from './checkpoint-store.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const expectTrue = <T extends true>(value: T): T => value;

// Every checkpoint store, whatever its transaction, is one the suite can run.
expectTrue<
  CheckpointStore<{ query(sql: string): Promise<unknown> }> extends CheckpointStoreUnderTest ? true : false
>(true);
expectTrue<CheckpointStore<undefined> extends CheckpointStoreUnderTest ? true : false>(true);
// And the suite calls exactly the contract's methods, with the same leases and parked events.
expectTrue<Same<keyof CheckpointStore, keyof CheckpointStoreUnderTest>>(true);
expectTrue<Same<Lease, LeaseUnderTest>>(true);
expectTrue<Same<ParkedEvent, ParkedEventUnderTest>>(true);
