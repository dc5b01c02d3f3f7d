import type { BenchGroup, Contender, RunPlan } from '../model.js';
import { openBenchNats } from '../nats-server.js';
import { pinnedVersion } from '../peer-versions.js';
import {
  LATENCY_RATE,
  latencyContender,
  THROUGHPUT_EVENTS,
  throughputContender,
  YIELD_EVERY,
} from './nats-bus/contenders.js';
import { type Kind, PAYLOAD_BYTES } from './nats-bus/wire.js';

const throughputPlan: RunPlan = { warmups: 1, repetitions: 5, maxSeconds: 5, warmupSeconds: 1 };
const latencyPlan: RunPlan = { warmups: 1, repetitions: 5, maxSeconds: 1, warmupSeconds: 0.5 };
const count = (value: number) => value.toLocaleString('en-US');
const natsVersion = pinnedVersion('@nats-io/transport-node');
const rawName = `raw nats.js ${natsVersion}`;
const jsonName = `nats.js ${natsVersion} + JSON`;

/** Aether, then the baselines, each contender made by `make` for its kind. */
function contenders(make: (name: string, kind: Kind) => Contender) {
  return { subject: make('Aether', 'aether'), baselines: [make(rawName, 'raw'), make(jsonName, 'json')] };
}

/** NatsEventBus against raw nats.js publish/subscribe of the same payload size (issue 4). */
export const natsBusGroup: BenchGroup = {
  name: 'nats-bus',
  title: 'NATS event bus, between two processes',
  notes: [
    `Every contender publishes from its measuring process to a subscriber in a second Node process of its own, through the one \`nats-server\` the bench starts on a free loopback port (or \`NATS_URL\`); each contender on its own connections and subjects, the contenders taking turns run by run. Throughput: 1 warm-up run, then the median of ${throughputPlan.repetitions} runs of ${count(THROUGHPUT_EVENTS)} messages (a run stops early after ${throughputPlan.maxSeconds} s); events/s from the first publish to the last message's arrival at the subscriber, and every message must arrive. Latency: ${count(LATENCY_RATE)} messages/s for ${latencyPlan.maxSeconds} s per run, each stamped just before its publish; the run's p50 or p99 of publish-to-receive time, median of ${latencyPlan.repetitions} runs after a warm-up.`,
    `Payloads: ${PAYLOAD_BYTES} bytes. **Aether**: \`NatsEventBus\` on both sides, each owning its connection (so no header is sent). The publisher awaits every \`publish\`, as an application does: it validates and deep-copies the event, encodes it as ${PAYLOAD_BYTES} bytes of JSON (\`encodeEvent\`), puts the event type, actor and namespace into the subject, and hands messages to nats.js in batches. The subscriber (\`subscribe('shop.orders', { bufferSize: 1_000_000 })\`, so its loop never drops) decodes, validates and freezes each event, checks it against its subject, applies the filter and reads it with \`for await\`.`,
    `**${rawName}**: \`nc.publish(subject, bytes)\` of one prepared ${PAYLOAD_BYTES}-byte buffer in a loop, counted in a subscription callback: the transport's ceiling, the issue's baseline. **${jsonName}**: the same events as Aether's, \`JSON.stringify\` + \`TextEncoder\` at each publish and \`JSON.parse\` in the callback, without validation, copies, filters or buffers: what a hand-written JSON bus over NATS costs. Every publisher yields to the event loop after each ${count(YIELD_EVERY)} messages.`,
    "Where the time goes (CPU profiles of both of Aether's processes on this machine): the publisher spends about 40% in `encodeEvent` (`JSON.stringify`, slowed by the event's `Date`, which takes V8 off its fast path, then `TextEncoder`), about 17% validating and copying the event, about 11% in GC and about 10% in nats.js; the subscriber about 30% in `JSON.parse`, about 10% validating and freezing, about 15% in nats.js's parser and about 8% in the bus's own subject checks and filter. A JSON bus without any of Aether's checks (the third column) reaches only about 0.3× raw nats.js here, so the 0.5× target is out of reach while events travel as JSON through `@aether/core`'s codec; Aether's validation, copies and bounded buffers cost the rest (about 0.6× of that JSON bus).",
  ],
  async open() {
    const nats = await openBenchNats();
    const servers = () => nats.url;
    return {
      cases: [
        {
          id: 'throughput',
          title: `${PAYLOAD_BYTES}-byte events from one process to a subscriber in another`,
          short: 'bus events/s, 2 processes',
          metric: { unit: 'events/s', better: 'higher' },
          ...contenders((name, kind) => throughputContender(name, kind, servers)),
          targets: [{ against: rawName, min: 0.5 }],
          plan: throughputPlan,
        },
        {
          id: 'latency-p50',
          title: `publish-to-receive latency between two processes, p50, at ${count(LATENCY_RATE)} events/s`,
          short: 'bus latency p50',
          metric: { unit: 'ms', better: 'lower' },
          ...contenders((name, kind) => latencyContender(name, kind, servers, 50)),
          plan: latencyPlan,
        },
        {
          id: 'latency-p99',
          title: `publish-to-receive latency between two processes, p99, at ${count(LATENCY_RATE)} events/s`,
          short: 'bus latency p99',
          metric: { unit: 'ms', better: 'lower' },
          ...contenders((name, kind) => latencyContender(name, kind, servers, 99)),
          plan: latencyPlan,
        },
      ],
      close: () => nats.release(),
    };
  },
};
