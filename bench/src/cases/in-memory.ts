import type { BenchGroup } from '../model.js';
import { formatCount as count, describeRuns as runs } from '../report/format.js';
import { defaultPlan } from '../run/measure.js';
import { pinnedVersion } from '../run/peer-versions.js';
import { aether } from './in-memory/aether.js';
import { appendCase, BATCH } from './in-memory/append-case.js';
import { castore } from './in-memory/castore.js';
import { emmett } from './in-memory/emmett.js';
import { handWrittenCopy, handWrittenShared } from './in-memory/hand-written.js';
import {
  logActors,
  logEvents,
  logPlan,
  logSeconds,
  readAllCase,
  readAllPage,
  subscribeCase,
} from './in-memory/log-cases.js';
import { memoryCase, memoryPlan } from './in-memory/memory-case.js';
import type { MemoryPeer } from './in-memory/peer.js';
import { foldCase, historyPlan, readCase, readSeconds } from './in-memory/read-cases.js';
import { roundRobin } from './in-memory/workload.js';

const appends = 100_000;
const actors = 1_000;
const historyLength = 10_000;
/**
 * A process's append speed can settle a fifth higher or lower than the next one's and stay there
 * (seen 2026-12-04 for Aether: 0.54–0.75 M events/s from run to run of the group), so each
 * contender appends in three fresh processes.
 */
const appendPlan = { ...defaultPlan, warmups: 1, repetitions: 3, processes: 3 };

/** Aether's InMemoryEventStore against Emmett's and Castore's in-memory stores (issue 2). */
export const inMemoryGroup: BenchGroup = {
  name: 'in-memory',
  title: 'In-memory event stores',
  notes: [
    `Every case measures Aether, Emmett and Castore in the same run, each in its own fresh Node process (so one library's garbage and heap layout cannot slow the next), taking turns run by run. Appends: ${runs(appendPlan)}. Reads and folds: ${runs(historyPlan)}. Memory: ${runs(memoryPlan)}, never capped. A full GC runs before every measured run.`,
    `Appends: each run starts from a fresh store; the events (for Emmett also the expected-version \`BigInt\`) are built untimed in batches of ${count(BATCH)}, each batch just before its appends are timed, so that every event is as young as in an application that builds an event and saves it; each append is awaited before the next. A run stops after ${count(appends)} appends or ${defaultPlan.maxSeconds} s, whichever comes first, for every store alike (the warm-up run after ${defaultPlan.warmupSeconds} s). A run that stops early is marked with a footnote, and its figure is the rate over the events it did append, never a claim about ${count(appends)}. Emmett's and Castore's append cost grows with the actor's history (see below), so their rate over a shorter run is *higher* than over the full count: ratios against capped runs understate Aether's lead.`,
    `Reads and folds: the actor gets ${count(historyLength)} events before timing (Emmett in one ${count(historyLength)}-event append, the others one event at a time); each run repeats the read or fold for ${readSeconds} s; events/s counts every event read.`,
    `Memory: full GC and \`heapUsed\`, a fresh store, ${count(appends)} awaited appends round-robin over ${count(actors)} actors with each event built just before its append (as an application would), full GC and \`heapUsed\` again; the difference over ${count(appends)}. It counts everything the store keeps per event, including what it adds itself (Emmett: a UUID string and \`BigInt\` positions; Castore: an ISO timestamp string).`,
    `The log (\`readAll\`, \`subscribe\`): Aether only, as neither Emmett's nor Castore's in-memory store has a log of every actor's events; the target is absolute. Before the first run the store gets ${count(logEvents)} events, saved one by one with \`saveEvent\` round-robin over ${count(logActors)} actors (untimed). Each run repeats whole passes over the log for ${logSeconds} s (${runs(logPlan)}); events/s counts every event read. \`readAll\`: pages of ${count(readAllPage)} (\`readAll({ after, limit })\`, \`after\` the last position of the page before), each event a new \`{ event, position }\` record. \`subscribe\`: \`for await\` over \`subscribe({ live: false })\` from position 0 to the end.`,
    "Payload: `{ sku, quantity, priceCents }`, a fresh object per event. Aether's events carry a `crypto.randomUUID()` id and a `Date`, as its `Event` type requires. Node builds UUID strings by concatenation, so V8 holds each as a ~490-byte rope until something flattens it (a flat 36-character string is ~60 bytes); a store that keeps the caller's string as given pays that per event, as Emmett does for the UUIDs it generates. Aether reads every id while validating it, which flattens it (then keeps a UUID id as five small numbers, any other id as that flat string): cheap for a young string, but several hundred nanoseconds for one that has already moved to the old generation, which is why events are not all built before the first append: built that way and collected before the clock starts, Aether's appends measured about 0.6× of the table's figures on this machine (776,435 and 725,697 events/s on 2026-11-26, against 1,249,125 and 1,180,735 the new way in the same hour), Emmett's and Castore's about the same either way.",
    `**The hand-written references** (appends only; no targets): two stores of a few lines each that keep every actor's events in an array in a \`Map\` with the latest version, refuse \`version <= latest\` as Aether does, answer with one settled promise and validate nothing. **${handWrittenCopy.name}** keeps a frozen copy of each event (its \`data\` a frozen shallow copy, its time as a number): the least a store can do so that changing a saved object afterwards cannot change history, which Aether promises. **${handWrittenShared.name}** keeps the caller's object as it is, so whoever holds it can rewrite history. They bound what any store can reach on this machine: Aether adds validation of every field and the frozen event it shares with every read (its \`id\` and \`timestamp\` accessors) to the first.`,
    "**Aether** `saveEvent` validates every field of every event (including a deep check and copy of `data`), rejects `version <= latest`, appends in O(1), and keeps history immutable: neither the caller's object after the save nor an event returned by a read can change what is stored. Fold: `getEvents` + `replay` from `@aether/core`.",
    "**Emmett** `appendToStream(stream, [event], { expectedStreamVersion })` checks the exact current version only because we pass it (its default is no check). It does not validate events. Each append copies the stream's whole array and sums the lengths of every stream for the global position: O(history + streams) per append. Stored and returned events share the caller's `data` object. Fold: `aggregateStream`.",
    "**Castore** `EventStore.pushEvent({ aggregateId, version, type, payload })` on `InMemoryEventStorageAdapter` checks less: it refuses only a version that already exists (found by a linear scan of the actor's events), so gaps and out-of-order versions are accepted. It does not validate events; stored and returned events share the caller's `payload` object. Fold: `getAggregate` with a reducer doing the same arithmetic.",
  ],
  async open() {
    const peers: [MemoryPeer, ...MemoryPeer[]] = [
      aether,
      emmett(pinnedVersion('@event-driven-io/emmett')),
      castore(pinnedVersion('@castore/core')),
    ];
    const emmettName = peers[1]?.name as string;
    const castoreName = peers[2]?.name as string;
    // Issue 13: keep the append lead over both peers while reads and folds get ahead of them.
    const appendLead = [
      { against: emmettName, min: 10 },
      { against: castoreName, min: 10 },
    ];
    // The append cases also measure what an append costs at least, without any library (see hand-written.ts).
    const appendPeers: [MemoryPeer, ...MemoryPeer[]] = [...peers, handWrittenCopy, handWrittenShared];
    const spread = roundRobin(appends, actors);
    return {
      cases: [
        appendCase({
          id: 'append-one-actor',
          title: `${count(appends)} appends to one actor, each awaited`,
          short: `${count(appends)} appends, one actor`,
          steps: roundRobin(appends, 1),
          peers: appendPeers,
          targets: [{ min: 1_000_000 }, ...appendLead],
          plan: appendPlan,
        }),
        appendCase({
          id: 'append-many-actors',
          title: `${count(appends)} appends across ${count(actors)} actors, round-robin, each awaited`,
          short: `${count(appends)} appends, ${count(actors)} actors`,
          steps: spread,
          peers: appendPeers,
          targets: [{ min: 1_000_000 }, ...appendLead],
          plan: appendPlan,
        }),
        readCase(peers, historyLength, [{ against: castoreName, min: 1 }]),
        foldCase(peers, historyLength, [
          { against: castoreName, min: 1 },
          { against: emmettName, min: 1 },
        ]),
        memoryCase(
          peers,
          spread,
          `heap per event after ${count(appends)} appends across ${count(actors)} actors`,
          [{ against: castoreName, max: 1 }],
        ),
        readAllCase([{ min: 5_000_000 }]),
        subscribeCase([{ min: 5_000_000 }]),
      ],
    };
  },
};
