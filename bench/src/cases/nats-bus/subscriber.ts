// The receiving side of one nats-bus contender, in its own process (forked by subscriber-process.ts):
// `node subscriber.js <kind> <servers> <channel>`. Counts what arrives, notes when the last message came and,
// when armed for latency, how long each took since its publisher stamped it.
import { NatsEventBus } from '@aether/bus-nats';
import type { Msg } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Arrivals, answerContender } from './arrivals.js';
import { rawSentAt } from './payload.js';
import { BUS_NAMESPACE, type Kind, subjectsOf } from './wire.js';

const [kind = 'raw', servers = '', channel = 'bench'] = process.argv.slice(2) as [Kind, string, string];
const subjects = subjectsOf(channel);

const arrivals = new Arrivals();
const received = (sentAt: number) => arrivals.received(sentAt);

const decoder = new TextDecoder();
let flush: () => Promise<void>;
let close: () => Promise<void>;

if (kind === 'aether') {
  const bus = await NatsEventBus.connect({ servers, subjectPrefix: subjects.busPrefix });
  // A buffer large enough that the reader's loop never drops what one socket read brings.
  const subscription = bus.subscribe(BUS_NAMESPACE, { bufferSize: 1_000_000 });
  void (async () => {
    for await (const { event } of subscription) received((event.data as { sentAt: number }).sentAt);
  })();
  flush = () => bus.flush();
  close = () => bus.close();
} else {
  const nc = await connect({ servers });
  const callback =
    kind === 'json'
      ? (_err: Error | null, msg: Msg) =>
          received((JSON.parse(decoder.decode(msg.data)) as { data: { sentAt: number } }).data.sentAt)
      : (_err: Error | null, msg: Msg) => received(rawSentAt(msg.data));
  const subject = kind === 'raw' ? subjects.raw : kind === 'raw-actors' ? subjects.anyActor : subjects.json;
  nc.subscribe(subject, { callback });
  flush = () => nc.flush();
  close = () => nc.close();
}

answerContender(arrivals, { flush: () => flush(), close: () => close() });
