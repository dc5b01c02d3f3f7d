// The reading side of one live-latency contender, in its own process (forked through
// nats-bus/subscriber-process.ts): `node log-follower.js <aether|raw> <server> <stream>`. Follows the
// stream from its first message and, when armed, notes how long each event took since its writer
// stamped it (`data.sentAt`, taken just before the save or publish). Answers the bus subscriber's
// IPC messages as it does (nats-bus/arrivals.ts).
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Arrivals, answerContender } from '../nats-bus/arrivals.js';

const [kind = 'raw', server = '', stream = ''] = process.argv.slice(2);

const arrivals = new Arrivals();
const received = (sentAt: number) => arrivals.received(sentAt);

const nc = await connect({ servers: server });
const decoder = new TextDecoder();
let close: () => Promise<void>;

if (kind === 'aether') {
  const store = await JetStreamEventStore.open(nc, { storeName: stream });
  // Live, from position 0 of a stream that was empty when this process started: nothing is missed.
  const subscription = store.subscribe();
  void (async () => {
    for await (const { event } of subscription) received((event.data as { sentAt: number }).sentAt);
  })();
  close = async () => {
    await subscription.close();
    await store.close();
  };
} else {
  // nats.js's ordered consumer over the whole stream, from its first message, live.
  const consumer = await jetstream(nc).consumers.get(stream);
  const messages = await consumer.consume();
  void (async () => {
    for await (const message of messages)
      received((JSON.parse(decoder.decode(message.data)) as { data: { sentAt: number } }).data.sentAt);
  })();
  close = async () => {
    await messages.close();
    await consumer.delete().catch(() => undefined);
  };
}

answerContender(arrivals, {
  flush: async () => undefined,
  close: async () => {
    await close();
    await nc.close();
  },
});
