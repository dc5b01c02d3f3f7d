// The reading side of one live-latency contender, in its own process (forked through
// nats-bus/subscriber-process.ts): `node log-follower.js <aether|raw> <server> <stream>`. Follows the
// stream from its first message and, when armed, notes how long each event took since its writer
// stamped it (`data.sentAt`, taken just before the save or publish). Answers the bus subscriber's
// IPC messages (nats-bus/wire.ts).
import { JetStreamEventStore } from '@aether/store-jetstream';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { type FromSubscriber, now, type ToSubscriber } from '../nats-bus/wire.js';

const [kind = 'raw', server = '', stream = ''] = process.argv.slice(2);

let count = 0;
let latencies: number[] = [];
let waiting: { expected: number; settle: () => void } | undefined;

function received(sentAt: number): void {
  count++;
  latencies.push(now() - sentAt);
  if (waiting !== undefined && count >= waiting.expected) waiting.settle();
}

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

const send = (message: FromSubscriber) => process.send?.(message);

process.on('message', async (message: ToSubscriber) => {
  switch (message.op) {
    case 'arm':
      count = 0;
      latencies = [];
      send({ op: 'armed' });
      return;
    case 'collect': {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, message.timeoutMs);
        waiting = {
          expected: message.expected,
          settle: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        if (count >= message.expected) waiting.settle();
      });
      waiting = undefined;
      send({ op: 'result', count, lastAt: now(), latencies });
      return;
    }
    case 'stop':
      await close();
      await nc.close();
      process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
send({ op: 'ready' });
