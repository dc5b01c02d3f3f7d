import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { BenchGroup } from '../model.js';
import { openBenchNats } from '../nats-server.js';
import { pinnedVersion } from '../peer-versions.js';
import { appendCase, appendPlan } from './jetstream/append-case.js';
import { rawAppender, rawJsonAppender } from './jetstream/appenders.js';
import { aetherCold, aetherWarm, rawCold, rawColdJson, rawDirectGet } from './jetstream/loads.js';
import { readBatch } from './jetstream/raw-read.js';
import { loadSeconds, readCase, readPlan } from './jetstream/read-case.js';
import { readStream } from './jetstream/read-streams.js';
import { openSession } from './jetstream/session.js';
import { dropRunStreams, runStreamPrefix } from './jetstream/streams.js';
import { warmServer } from './jetstream/warm-server.js';

const count = (value: number) => value.toLocaleString('en-US');
const runs = (plan: { warmups: number; repetitions: number }) =>
  `${plan.warmups} warm-up run${plan.warmups === 1 ? '' : 's'}, then the median of ${plan.repetitions} measured runs`;

const sequential = { appends: 3_000, maxSeconds: 5 };
const pipelined = { appends: 10_000, actors: 1_000, window: 1_000, maxSeconds: 5 };
const load = { events: 10, messages: 100_000 };
const replay = { events: 10_000 };
const warmUpSeconds = 2;

const rawName = `raw nats.js ${pinnedVersion('@nats-io/jetstream')}`;
/** Raw nats.js that also serialises (appends) or parses (replay) JSON, as a hand-written store would. */
const rawJsonName = `${rawName} + JSON`;
const rawAppenders = [
  { name: rawName, tag: 'raw', open: rawAppender },
  { name: rawJsonName, tag: 'json', open: rawJsonAppender },
];

/** Aether's JetStreamEventStore against raw nats.js on the same kind of stream (issue 3). */
export const jetstreamGroup: BenchGroup = {
  name: 'jetstream',
  title: 'JetStream event store',
  notes: [
    `Every case measures Aether's \`JetStreamEventStore\` and ${rawName} (\`@nats-io/jetstream\` on \`@nats-io/transport-node\`) in the same run, each in its own fresh Node process with its own connection, taking turns run by run, against one \`nats-server -js\` the bench starts on a free loopback port with a temporary store directory (or \`NATS_URL\` when set). Every case has its own fresh streams, created like the store's: file storage, \`deny_delete\`, \`deny_purge\`, \`allow_direct\`, one subject per actor; Aether's store checks the stream against its own config when it opens. Before the first case, ${warmUpSeconds} s of appends to a throw-away stream warm the server up. Appends: ${runs(appendPlan)}; reads: ${runs(readPlan)}.`,
    `Appends: a fresh stream for every run; the events (a \`crypto.randomUUID()\` id, a \`Date\`, \`{ sku, quantity, priceCents }\`) and, for raw nats.js, their JSON bytes (\`encodeEvent\`, exactly what Aether publishes) are built before the clock starts, so ${rawName} does not serialise; ${rawJsonName} serialises each event as it publishes it (\`new TextEncoder().encode(JSON.stringify(event))\`), as a hand-written store on nats.js must. Aether: \`saveEvent(event)\` on a store opened on the stream, which validates, encodes and publishes the event with \`Nats-Msg-Id\` and the expected last subject sequence from its cache; it publishes with a plain NATS publish and takes the acks on one reply subscription of its own, where raw nats.js makes a request per publish (\`js.publish\`). Both use the measuring process's connection, opened with nats.js's default options (async traces on) for Aether and raw alike. A run stops after its appends or ${sequential.maxSeconds} s; afterwards the stream must hold exactly the appended messages.`,
    `Sequential appends (${count(sequential.appends)} to one actor, each awaited before the next). Raw: \`await js.publish(subject, bytes, { msgID: event.id, expect: { lastSubjectSequence } })\`, the expected sequence taken from the previous ack.`,
    `Pipelined appends (${count(pipelined.appends)} round-robin over ${count(pipelined.actors)} actors, at most ${count(pipelined.window)} in flight). Aether: that many \`saveEvent\` promises outstanding (the store queues saves of one actor and pipelines different actors). Raw: that many of the same publishes outstanding, each subject's publish chained on its previous ack for its expected sequence.`,
    `Loads: a stream of ${count(load.messages)} events published as the store publishes them (with \`Nats-Msg-Id\`), ${count(load.events)} of them the loaded actor's, spread evenly; the others belong to 1,000 other actors. Each run repeats loads for ${loadSeconds} s and reports the mean time of one load (timed parts only).`,
    `Cold load. Aether: a fresh store instance (opened untimed), then \`getEvents(actor)\`: a direct get for the subject's last sequence, then a consumer of its own reading the subject up to it (an ephemeral pull consumer filtered to the subject, no acks, in memory, as nats.js's ordered consumer creates; pulled on the store's own subscription, one pull request per 10,000 messages or 8 MiB, each message decoded as it arrives); the consumer's deletion is awaited untimed. Raw: nats.js's ordered consumer filtered to the subject (\`js.consumers.get(stream, { filter_subjects })\`, \`consume({ max_messages: ${count(readBatch)} })\`), keeping each message's bytes until the server reports none pending; its deletion is awaited untimed. Both on the measuring process's connection with nats.js's default options.`,
    'Warm load. Aether: `getEvents(actor)` again on a store that has loaded the unchanged actor before (one direct get to check that the cached history is current, then copies of its events). Raw: one `jsm.direct.getMessage(stream, { last_by_subj })`, the round trip a warm load cannot avoid.',
    `Replay (a stream holding one actor's ${count(replay.events)} events; each run repeats the replay for ${loadSeconds} s; events/s over the timed parts). Aether: \`getEvents(actor)\` on a fresh store instance each time (so no cache helps), which returns decoded, validated events. ${rawName}: the cold load's ordered consumer read, keeping each message's bytes without decoding them. ${rawJsonName}: the same read, keeping \`JSON.parse(new TextDecoder().decode(bytes))\` of each message (no validation). Targets are against ${rawName}, the transport's ceiling.`,
  ],
  async open() {
    const nats = await openBenchNats();
    const prefix = runStreamPrefix();
    const { url } = nats;
    if (nats.origin !== 'inherited') {
      const session = await openSession(url);
      await warmServer(session, `${prefix}-warm-up`, warmUpSeconds).finally(() => session.nc.close());
    }
    return {
      cases: [
        appendCase({
          id: 'append-sequential',
          title: `${count(sequential.appends)} appends to one actor, each awaited`,
          short: `${count(sequential.appends)} awaited appends, one actor`,
          url,
          baselines: rawAppenders,
          streamPrefix: `${prefix}-seq`,
          count: sequential.appends,
          actors: 1,
          window: 1,
          maxSeconds: sequential.maxSeconds,
          targets: [{ against: rawName, min: 0.9 }],
        }),
        appendCase({
          id: 'append-pipelined',
          title: `${count(pipelined.appends)} appends across ${count(pipelined.actors)} actors, ${count(pipelined.window)} in flight`,
          short: `${count(pipelined.appends)} pipelined appends, ${count(pipelined.actors)} actors`,
          url,
          baselines: rawAppenders,
          streamPrefix: `${prefix}-pipe`,
          count: pipelined.appends,
          actors: pipelined.actors,
          window: pipelined.window,
          maxSeconds: pipelined.maxSeconds,
          targets: [{ against: rawName, min: 0.85 }],
        }),
        readCase({
          id: 'load-cold',
          title: `load a ${count(load.events)}-event actor from a ${count(load.messages)}-message stream, cold (fresh store instance)`,
          short: `cold load, ${count(load.events)} of ${count(load.messages)}`,
          url,
          spec: readStream(`${prefix}-cold`, 'order-load', load.events, load.messages),
          metric: 'ms/load',
          aether: aetherCold,
          raw: [{ name: rawName, open: rawCold }],
        }),
        readCase({
          id: 'load-warm',
          title: `load the same unchanged actor again, warm (raw: one direct get)`,
          short: `warm load, ${count(load.events)} of ${count(load.messages)}`,
          url,
          spec: readStream(`${prefix}-warm`, 'order-load', load.events, load.messages),
          metric: 'ms/load',
          aether: aetherWarm,
          raw: [{ name: rawName, open: rawDirectGet }],
          targets: [{ against: rawName, max: 1.5 }],
        }),
        readCase({
          id: 'replay',
          title: `replay a ${count(replay.events)}-event actor (fresh store instance each time)`,
          short: `replay ${count(replay.events)}-event actor`,
          url,
          spec: readStream(`${prefix}-replay`, 'order-replay', replay.events, replay.events),
          metric: 'events/s',
          aether: aetherCold,
          raw: [
            { name: rawName, open: rawCold },
            { name: rawJsonName, open: rawColdJson },
          ],
          targets: [{ against: rawName, min: 0.8 }],
        }),
      ],
      async close() {
        if (nats.origin === 'given') {
          const nc = await connect({ servers: url });
          await dropRunStreams(await jetstreamManager(nc)).finally(() => nc.close());
        }
        await nats.release();
      },
    };
  },
};
