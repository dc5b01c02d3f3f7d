import type { BenchGroup } from '../model.js';
import { formatCount as count, describeRuns as runs } from '../report/format.js';
import { openBenchCluster } from '../run/nats-server.js';
import { appendPlan } from './jetstream/append-case.js';
import { appendCases, pipelined, sequential } from './jetstream/append-cases.js';
import { rawAppender } from './jetstream/appenders.js';
import { contendedCase } from './jetstream/contended-case.js';
import { aetherWriters, rawWriters } from './jetstream/contended-writers.js';
import { openStreamGroup, warmUpSeconds } from './jetstream/open-group.js';
import { rawName } from './jetstream/raw-names.js';

const replicas = 3;
const contended = { writers: 3, savesPerWriter: 300, maxSeconds: 5 };

/**
 * Measured with a script outside the bench (client CPU from `process.cpuUsage`, the three servers'
 * from /proc, and the JetStream API requests seen on a sniffing connection) on 2026-12-03; rewrite
 * it when the method or the store changes.
 */
const WHERE_THE_TIME_GOES =
  "Where the time goes (2026-12-03, this machine). Pipelined appends across 1,000 actors: the three servers spent about 290–320 µs of CPU per append for Aether against 57–61 µs for raw nats.js, and Aether's process about 125–135 µs against 60. The difference is the check: with `next_by_subj`, nats-server 2.9 reads the stream forward from the sequence after the one expected until it meets the actor's subject again, so its cost grows with the messages other actors stored in between (about 1,000 here; with 3,000 actors the servers spent 580 µs per append against 76). Asking a replica with a direct get instead of the leader (a patched store, not this one; any replica's answer can be trusted once it reaches the acknowledged sequence) saved about 15% of the servers' CPU and no client CPU, and the ratio stayed about 0.35×. Writers racing on one actor: for 900 saves the three stores made about 2,650 leader message gets and about 300 consumer reads of the subject (after a save that lost the race, the latest version is taken from a read of the subject, and creating a consumer on a replicated stream costs milliseconds); saves that ended in a `VersionConflictError` took 3 ms at the median and 20 ms at p90, against 1 ms and 4 ms for saves that succeeded. Raw nats.js conflicts less because the server lets about one save in five through on a version already taken.";

/**
 * The JetStream group's append cases on a stream with 3 replicas, and writers racing on one actor:
 * what the store's check of one event per version costs against raw nats.js, which has none.
 */
export const jetstreamR3Group: BenchGroup = {
  name: 'jetstream-r3',
  title: 'JetStream event store, 3-node cluster, streams with 3 replicas',
  notes: [
    `The cluster: three \`nats-server -js\` processes the bench starts on loopback with \`@aether/nats-harness\` (each on free ports, with its own temporary store directory, routed to the other two), and stops by process id when the group ends, also when a case fails; \`NATS_URL\` is not used here. Every stream is created like the store's with \`replicas: ${replicas}\`, and Aether's store is opened with \`replicas: ${replicas}\`. A fresh stream's leader is placed at random, and a client connected to the leader saves a route hop per request, so each stream is made to be led from a node other than the one the measuring process is connected to (its leader is stepped down if it is that node; untimed), as two clients in three are on a 3-node cluster. Each contender runs in its own fresh Node process, taking turns run by run, as in the JetStream group. Before the first case, ${warmUpSeconds} s of appends to a throw-away stream warm the cluster up. Every case: ${runs(appendPlan)}.`,
    `**${rawName} is not safe on a replicated stream.** nats-server 2.9 can accept two publishes that expected the same last subject sequence ([nats-server#4320](https://github.com/nats-io/nats-server/issues/4320)), so raw nats.js with \`msgID\` and \`expect: { lastSubjectSequence }\` can acknowledge one version of an actor to two writers. Aether writes the sequence it expected in an \`Aether-Follows\` header and, after the acknowledgement, asks the stream leader with one \`$JS.API.STREAM.MSG.GET\` (\`{ seq: follows + 1, next_by_subj: subject }\`) whether another message landed on the actor's subject in between, except when the acknowledged sequence is follows + 1 (nothing can be in between); a save that lost is a \`VersionConflictError\`. Each ratio Aether / ${rawName} is the cost of that safety.`,
    `Awaited appends (${count(sequential.appends)} to one actor) and pipelined appends (${count(pipelined.appends)} across ${count(pipelined.actors)} actors, ${count(pipelined.window)} in flight): the JetStream group's cases, as described there, against ${rawName} only. With one actor in the stream every message directly follows the one before, so Aether never asks: the first ratio is the header's cost alone. With ${count(pipelined.actors)} actors other actors' messages land between two of one actor's, so nearly every save makes the extra request to the leader, pipelined like the publishes.`,
    `Writers racing on one actor: ${contended.writers} writers in the contender's process, each on its own connection to another node, each saving ${count(contended.savesPerWriter)} events to the same actor of a fresh stream (a run stops after ${contended.maxSeconds} s); events/s counts the saves acknowledged to all of them. Each save reads the actor's latest version, saves the next one, and after a conflict reads and tries again with a fresh event: Aether \`getLatestVersion\` (on a replicated stream the leader-answered message get) and \`saveEvent\`, again after a \`VersionConflictError\`; ${rawName} \`jsm.streams.getMessage(stream, { last_by_subj })\` (the same request), the version from \`JSON.parse\` of its data, and \`js.publish\` of the next event's bytes with \`msgID\` and \`expect: { lastSubjectSequence }\`, again after error 10071. After every run Aether's history must be exactly the acknowledged saves at versions 1, 2, 3, ...; the stream of ${rawName} must hold every acknowledged publish. The bench log gives, over all runs of each contender, the saves acknowledged, how many of them took a version already acknowledged to another writer, and how many stored messages were left out of the history (saves that lost the race after being stored, which Aether's writers are told about with a \`VersionConflictError\`).`,
    `Three servers, the bench and the measuring processes share the machine's cores, and every replica's disk writes and route traffic go through one kernel: absolute figures are far below what a cluster of three machines reaches, and round trips are shorter than between machines. Compare ratios, not events/s, and not with the single-server group.`,
    WHERE_THE_TIME_GOES,
  ],
  open: async () =>
    openStreamGroup(await openBenchCluster(), replicas, (host, prefix) => [
      ...appendCases({
        host,
        streamPrefix: `${prefix}-r3`,
        baselines: [{ name: rawName, tag: 'raw', open: rawAppender }],
      }),
      contendedCase({
        id: 'contended',
        title: `${contended.writers} writers on ${contended.writers} nodes, ${count(contended.savesPerWriter)} saves each to one actor: read latest, save, again after a conflict`,
        short: `${contended.writers} racing writers, one actor`,
        host,
        aether: aetherWriters,
        baselines: [{ name: rawName, tag: 'raw', writers: rawWriters }],
        streamPrefix: `${prefix}-r3-race`,
        writers: contended.writers,
        savesPerWriter: contended.savesPerWriter,
        maxSeconds: contended.maxSeconds,
      }),
    ]),
};
