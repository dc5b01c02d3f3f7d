import type { BenchGroup, Contender, RunPlan } from '../model.js';
import { formatCount as count } from '../report/format.js';
import { openBenchNats } from '../run/nats-server.js';
import { pinnedVersion } from '../run/peer-versions.js';
import {
  LATENCY_RATE,
  latencyContender,
  THROUGHPUT_EVENTS,
  throughputContender,
  YIELD_EVERY,
} from './nats-bus/contenders.js';
import { ACTORS, type Kind, PAYLOAD_BYTES } from './nats-bus/wire.js';

const throughputPlan: RunPlan = { warmups: 1, repetitions: 5, maxSeconds: 5, warmupSeconds: 1 };
const latencyPlan: RunPlan = { warmups: 1, repetitions: 5, maxSeconds: 1, warmupSeconds: 0.5 };
const natsVersion = pinnedVersion('@nats-io/transport-node');
const rawName = `raw nats.js ${natsVersion}`;
const jsonName = `nats.js ${natsVersion} + JSON`;
const actorsName = `raw nats.js ${natsVersion}, per-actor subjects`;

/**
 * Measured with `node --cpu-prof` on both of Aether's processes and the CPU time of all three
 * (publisher, subscriber, nats-server) per event; rewrite it when the method or the bus changes.
 */
const WHERE_THE_TIME_GOES =
  "Where the time goes (CPU profiles of both of Aether's processes, and the CPU time of all three per event, on this machine): Aether's publisher spends about 3–3.5 µs of CPU per event (raw nats.js: 0.8), about 36% of it in nats.js (protocol line, buffer, socket writes), 20% in `JSON.stringify` of the data, 14% writing the id, header and UTF-8 into the payload, 9% in GC, 7% checking the event and 7% building the subject and handing the message over; its subscriber about 3.7–4.3 µs (raw: 1.2–1.5), about 35% in nats.js's parser, 26% decoding the id and `JSON.parse` of the data, 12% building the frozen event and its `Date`, 6% checking and freezing the data, 5% reading the subject and 6% in GC; nats-server about 1.6–2 µs (raw: 0.8). The three share 2 cores, so the total per event, about 3× raw's, sets the ratio: nats.js and nats-server alone (about 4 µs with JSON-sized messages at this rate) already take more than raw's whole path (about 3 µs), and JSON (`stringify` and `parse`, about 1.2 µs) comes on top. A bare JSON bus over nats.js, without checks, copies, freezing or buffers, is about as fast as Aether; raw nats.js on Aether's per-actor subjects reaches about 0.87× of raw on one subject (2026-11-26: 514,092 against 590,921 events/s), so the subject layout the issue asks for is not what holds the bus back, its JSON and its per-event work in three processes are.";

/** Aether, then the baselines, each contender made by `make` for its kind. */
function contenders(make: (name: string, kind: Kind) => Contender) {
  return {
    subject: make('Aether', 'aether'),
    baselines: [make(rawName, 'raw'), make(actorsName, 'raw-actors'), make(jsonName, 'json')],
  };
}

/** NatsEventBus against raw nats.js publish/subscribe of the same payload size (issue 4). */
export const natsBusGroup: BenchGroup = {
  name: 'nats-bus',
  title: 'NATS event bus, between two processes',
  notes: [
    `Every contender publishes from its measuring process to a subscriber in a second Node process of its own, through the one \`nats-server\` the bench starts on a free loopback port (or \`NATS_URL\`); each contender on its own connections and subjects, the contenders taking turns run by run. Throughput: 1 warm-up run, then the median of ${throughputPlan.repetitions} runs of ${count(THROUGHPUT_EVENTS)} messages (a run stops early after ${throughputPlan.maxSeconds} s); events/s from the first publish to the last message's arrival at the subscriber, and every message must arrive. Latency: ${count(LATENCY_RATE)} messages/s for ${latencyPlan.maxSeconds} s per run, each stamped just before its publish; the run's p50 or p99 of publish-to-receive time, median of ${latencyPlan.repetitions} runs after a warm-up.`,
    `Payloads: ${PAYLOAD_BYTES} bytes for every contender. **Aether**: \`NatsEventBus\` on both sides, each owning its connection (so no header is sent). The publisher awaits every \`publish\`, as an application does: the bus checks the event as \`validateEvent\` does (without a copy: the publishing bus has no subscriptions of its own), writes it in its compact wire format (an 18-byte header with format, flags, version and timestamp, then the id and the data as length-prefixed JSON; the event's \`pad\` string is sized with \`payloadBytes\` so that the payload is exactly ${PAYLOAD_BYTES} bytes), puts the event type, actor and namespace into the subject, and hands messages to nats.js in batches. The subscriber (\`subscribe('shop.orders', { bufferSize: 1_000_000 })\`, so its loop never drops) decodes every payload, checks and deep-freezes the event with the rules of \`validateEvent\`, reads the type and actor from the subject tokens, applies the filter and reads the event with \`for await\`. The publisher's events are prepared before the clock starts, each built as one object literal, as an application writes it.`,
    `**${rawName}**: \`nc.publish(subject, bytes)\` of one prepared ${PAYLOAD_BYTES}-byte buffer in a loop, counted in a subscription callback: the transport's ceiling, the issue's baseline. **${jsonName}**: the same events, their \`pad\` sized so that \`JSON.stringify(event)\` is ${PAYLOAD_BYTES} bytes, \`JSON.stringify\` + \`TextEncoder\` at each publish and \`JSON.parse\` in the callback, without validation, copies, filters or buffers: what a hand-written JSON bus over NATS costs. **${actorsName}**: raw's buffer published round-robin to the ${count(ACTORS)} subjects Aether's events travel on (one per actor, \`<prefix>.OrderPlaced.<actor>.shop.orders\`) and received through the wildcard subscription the bus makes (\`<prefix>.*.*.shop.orders\`): the transport's ceiling with the subject layout the issue asks for (server-side filtering by namespace, type and actor), for reference; the target stays against raw's single subject. Every publisher yields to the event loop after each ${count(YIELD_EVERY)} messages.`,
    WHERE_THE_TIME_GOES,
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
        ...[50, 99].map((percentile) => ({
          id: `latency-p${percentile}`,
          title: `publish-to-receive latency between two processes, p${percentile}, at ${count(LATENCY_RATE)} events/s`,
          short: `bus latency p${percentile}`,
          metric: { unit: 'ms' as const, better: 'lower' as const },
          ...contenders((name, kind) => latencyContender(name, kind, servers, percentile)),
          plan: latencyPlan,
        })),
      ],
      close: () => nats.release(),
    };
  },
};
