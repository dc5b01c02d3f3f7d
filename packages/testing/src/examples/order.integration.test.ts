import { randomUUID } from 'node:crypto';
import { dropStreams } from '@aether/nats-harness';
import { natsUrl } from '@aether/nats-harness/vitest';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { describe } from 'vitest';
import { orderSpecs } from './order-specs.js';

// README:start
// The same spec file as order.test.ts, on a real nats-server: a stream of its own for each spec,
// deleted after it.
describe('the order, through handleCommand on JetStream', () =>
  orderSpecs({
    store: {
      open: () =>
        JetStreamEventStore.connect({ servers: natsUrl(), storeName: `t-spec-${randomUUID().slice(0, 8)}` }),
      dispose: async (store: JetStreamEventStore) => {
        await store.close();
        await dropStreams(natsUrl(), [store.stream, `KV_${store.stream}-snapshots`]);
      },
    },
  }));
// README:end
