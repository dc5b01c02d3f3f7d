import type { BenchGroup } from '../model.js';
import { formatCount as count, describeRuns as runs } from '../report/format.js';
import { openBenchNats } from '../run/nats-server.js';
import { appendPlan } from './jetstream/append-case.js';
import { appendCases, pipelined, sequential } from './jetstream/append-cases.js';
import { rawAppender, rawJsonAppender } from './jetstream/appenders.js';
import { batch, batchCase, batchPlan, oneByOneName } from './jetstream/batch-case.js';
import { aetherCatchUp, rawCatchUp, rawCatchUpJson } from './jetstream/catch-up-loads.js';
import { liveActors, liveLatencyCase, livePlan, liveRate } from './jetstream/live-latency.js';
import { aetherCold, aetherWarm, rawCold, rawColdJson, rawDirectGet } from './jetstream/loads.js';
import { openStreamGroup, warmUpSeconds } from './jetstream/open-group.js';
import { rawJsonName, rawName } from './jetstream/raw-names.js';
import { readBatch } from './jetstream/raw-read.js';
import { loadSeconds, readCase, readPlan } from './jetstream/read-case.js';
import { readStream } from './jetstream/read-streams.js';

const load = { events: 10, messages: 100_000 };
const replay = { events: 10_000 };
const catchUp = { messages: 100_000 };

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
    `Appends: a fresh stream for every run; the events (a \`crypto.randomUUID()\` id, a \`Date\`, \`{ sku, quantity, priceCents }\`) and, for raw nats.js, their JSON bytes (\`encodeEvent\`, exactly what Aether publishes) are built before the clock starts, so ${rawName} does not serialise; ${rawJsonName} serialises each event as it publishes it (\`new TextEncoder().encode(JSON.stringify(event))\`), as a hand-written store on nats.js must. Aether: \`saveEvent(event)\` on a store opened on the stream, which validates, encodes and publishes the event with \`Nats-Msg-Id\` and the expected last subject sequence from its cache (and the same sequence in its own \`Aether-Follows\` header; on one replica the server's check is exact, so the store asks nothing more); it publishes with a plain NATS publish and takes the acks on one reply subscription of its own, where raw nats.js makes a request per publish (\`js.publish\`). Both use the measuring process's connection, opened with nats.js's default options (async traces on) for Aether and raw alike. A run stops after its appends or ${sequential.maxSeconds} s; afterwards the stream must hold exactly the appended messages.`,
    `Sequential appends (${count(sequential.appends)} to one actor, each awaited before the next). Raw: \`await js.publish(subject, bytes, { msgID: event.id, expect: { lastSubjectSequence } })\`, the expected sequence taken from the previous ack.`,
    `Pipelined appends (${count(pipelined.appends)} round-robin over ${count(pipelined.actors)} actors, at most ${count(pipelined.window)} in flight). Aether: that many \`saveEvent\` promises outstanding (the store queues saves of one actor and pipelines different actors). Raw: that many of the same publishes outstanding, each subject's publish chained on its previous ack for its expected sequence.`,
    `Loads: a stream of ${count(load.messages)} events saved by Aether's store before the first run (untimed, 1,000 in flight, in a short-lived process of its own, so that no contender is measured in the process that filled the stream: one that had just saved them read at about half the pace), so every message is what the store writes, headers included; ${count(load.events)} of them the loaded actor's, spread evenly; the others belong to 1,000 other actors. Each run repeats loads for ${loadSeconds} s and reports the mean time of one load (timed parts only).`,
    `Cold load. Aether: a fresh store instance (opened untimed), then \`getEvents(actor)\`: a direct get for the subject's last sequence, then a consumer of its own reading the subject up to it (an ephemeral pull consumer filtered to the subject, no acks, in memory, as nats.js's ordered consumer creates; pulled on the store's own subscription, one pull request per 10,000 messages or 8 MiB, each message decoded as it arrives); the consumer's deletion is awaited untimed. Raw: nats.js's ordered consumer filtered to the subject (\`js.consumers.get(stream, { filter_subjects })\`, \`consume({ max_messages: ${count(readBatch)} })\`), keeping each message's bytes until the server reports none pending; its deletion is awaited untimed. Both on the measuring process's connection with nats.js's default options.`,
    'Warm load. Aether: `getEvents(actor)` again on a store that has loaded the unchanged actor before (one direct get to check that the cached history is current, then copies of its events). Raw: one `jsm.direct.getMessage(stream, { last_by_subj })`, the round trip a warm load cannot avoid.',
    `Replay (a stream holding one actor's ${count(replay.events)} events; each run repeats the replay for ${loadSeconds} s; events/s over the timed parts). Aether: \`getEvents(actor)\` on a fresh store instance each time (so no cache helps), which returns decoded, validated events. ${rawName}: the cold load's ordered consumer read, keeping each message's bytes without decoding them. ${rawJsonName}: the same read, keeping \`JSON.parse(new TextDecoder().decode(bytes))\` of each message (no validation). Targets are against ${rawName}, the transport's ceiling.`,
    `Catch-up (a stream of ${count(catchUp.messages)} events of 1,000 actors, saved by Aether's store before the first run as for loads; each run repeats whole reads for ${loadSeconds} s, at least one; events/s over the timed parts). Aether: \`subscribe({ live: false })\` from position 0 on one store instance opened untimed, read with \`for await\`, each event decoded and validated, each message checked against the follows rule; the clock stops at the last event (the subscription's consumer is then deleted untimed, as raw's is). ${rawName}: nats.js's ordered consumer over the whole stream (\`js.consumers.get(stream)\`, \`consume({ max_messages: ${count(readBatch)} })\`) keeping each message's bytes until the server reports none pending; ${rawJsonName}: the same, keeping \`JSON.parse(new TextDecoder().decode(bytes))\` of each. The target is against ${rawJsonName}, the least a hand-written log reader does.`,
    `Live latency (${count(liveRate)} events/s for ${livePlan.maxSeconds} s per run, round-robin over ${count(liveActors)} actors, each save awaited before the next; ${runs(livePlan)}; the run's p50 or p99). Each contender has a fresh stream and a second Node process that follows it from its first message: Aether \`subscribe()\` (live) on a store of its own, ${rawJsonName} an ordered consumer over the stream (\`consume()\`, \`JSON.parse\` of each message). Each event's data carries \`sentAt\` (\`performance.timeOrigin + performance.now()\`, comparable between processes of one machine), taken just before Aether's \`saveEvent(event)\` or ${rawJsonName}'s \`js.publish\` of \`JSON.stringify(event)\` with \`msgID\` and \`expect: { lastSubjectSequence }\` (the headers Aether sends); the latency is the time from there to the event coming out of the other process's loop.`,
    `Batches (${count(batch.batches)} batches of ${batch.size} events to one actor, each batch awaited before the next, into a fresh stream per run; ${runs(batchPlan)}; a run stops after ${batch.maxSeconds} s). Aether: \`saveEvents(batch)\`, one message per batch; ${oneByOneName}: the same events, \`await saveEvent(event)\` one after another, one message each. The events are built before the clock starts; afterwards the stream must hold exactly one message per batch, or per event.`,
  ],
  open: async () =>
    openStreamGroup(await openBenchNats(), 1, (host, prefix) => [
      ...appendCases({
        host,
        streamPrefix: prefix,
        baselines: rawAppenders,
        targets: {
          sequential: [{ against: rawName, min: 0.9 }],
          pipelined: [{ against: rawName, min: 0.85 }],
        },
      }),
      readCase({
        id: 'load-cold',
        title: `load a ${count(load.events)}-event actor from a ${count(load.messages)}-message stream, cold (fresh store instance)`,
        short: `cold load, ${count(load.events)} of ${count(load.messages)}`,
        host,
        spec: readStream(`${prefix}-cold`, 'order-load', load.events, load.messages),
        metric: 'ms/load',
        aether: aetherCold,
        raw: [{ name: rawName, open: rawCold }],
      }),
      readCase({
        id: 'load-warm',
        title: `load the same unchanged actor again, warm (raw: one direct get)`,
        short: `warm load, ${count(load.events)} of ${count(load.messages)}`,
        host,
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
        host,
        spec: readStream(`${prefix}-replay`, 'order-replay', replay.events, replay.events),
        metric: 'events/s',
        aether: aetherCold,
        raw: [
          { name: rawName, open: rawCold },
          { name: rawJsonName, open: rawColdJson },
        ],
        targets: [{ against: rawName, min: 0.8 }],
      }),
      readCase({
        id: 'catch-up',
        title: `catch up with a ${count(catchUp.messages)}-event log: \`subscribe({ live: false })\`, decoded`,
        short: `catch-up, ${count(catchUp.messages)}-event log`,
        host,
        spec: readStream(`${prefix}-catch-up`, 'order-catch-up', 100, catchUp.messages),
        eventsPerLoad: catchUp.messages,
        metric: 'events/s',
        aether: aetherCatchUp,
        raw: [
          { name: rawName, open: rawCatchUp },
          { name: rawJsonName, open: rawCatchUpJson },
        ],
        targets: [{ against: rawJsonName, min: 0.9 }],
      }),
      ...[50, 99].map((percentile) =>
        liveLatencyCase({
          host,
          streamPrefix: `${prefix}-live`,
          percentile,
          baselineName: rawJsonName,
          targets: [{ against: rawJsonName, max: 1.5 }],
        }),
      ),
      batchCase({ host, streamPrefix: `${prefix}-batch`, targets: [{ against: oneByOneName, min: 5 }] }),
    ]),
};
