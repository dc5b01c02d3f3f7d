import { cleanup, testConnection, uniqueTestName } from '@aether/nats-harness/test-connection';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstreamManager } from '@nats-io/jetstream';

/**
 * A JetStream store on a stream of its own, on the test server's connection; after the file's
 * tests it is closed and its stream and snapshot bucket deleted.
 */
export async function jetStreamStore(label: string): Promise<JetStreamEventStore> {
  const nc = await testConnection();
  const store = await JetStreamEventStore.open(nc, { storeName: uniqueTestName(label) });
  cleanup(async () => {
    await store.close();
    if (nc.isClosed()) return;
    const jsm = await jetstreamManager(nc);
    for (const name of [store.stream, `KV_${store.stream}-snapshots`]) {
      await jsm.streams.delete(name).catch(() => undefined);
    }
  });
  return store;
}
