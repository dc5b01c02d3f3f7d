import { NatsEventBus } from '@aether/bus-nats';
import type { AnyEvent } from '@aether/core';
import { connect } from '@nats-io/transport-node';
import { benchEvent, busPayloadSize, jsonPayloadSize, rawPayload } from './payload.js';
import { ACTORS, BUS_NAMESPACE, type Kind, subjectsOf } from './wire.js';

/** The sending side of a contender, each used the way its users use it. */
export interface Publisher {
  /** Builds the events (or the payload) `send` sends, before the clock starts. */
  prepare(count: number): void;
  /** Sends the i-th prepared message. Aether's is awaited, as an application awaits `publish`. */
  send(index: number): Promise<void> | void;
  /** Builds a message stamped with `sentAt` and sends it (latency runs). */
  sendStamped(index: number, sentAt: number): Promise<void> | void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function openPublisher(kind: Kind, servers: string, channel: string): Promise<Publisher> {
  const subjects = subjectsOf(channel);
  if (kind === 'aether') {
    const bus = await NatsEventBus.connect({ servers, subjectPrefix: subjects.busPrefix });
    let events: AnyEvent[] = [];
    return {
      prepare: (count) => {
        events = Array.from({ length: count }, (_, index) => benchEvent(index, busPayloadSize));
      },
      send: (index) => bus.publish(BUS_NAMESPACE, events[index] as AnyEvent),
      sendStamped: (index, sentAt) => bus.publish(BUS_NAMESPACE, benchEvent(index, busPayloadSize, sentAt)),
      flush: () => bus.flush(),
      close: () => bus.close(),
    };
  }
  const nc = await connect({ servers });
  if (kind === 'raw') {
    // One 256-byte buffer, sent as it is: the transport's ceiling.
    const payload = rawPayload();
    return {
      prepare: () => undefined,
      send: () => nc.publish(subjects.raw, payload),
      sendStamped: (_index, sentAt) => nc.publish(subjects.raw, rawPayload(sentAt)),
      flush: () => nc.flush(),
      close: () => nc.drain(),
    };
  }
  if (kind === 'raw-actors') {
    // The same buffer on the subjects the bus publishes to: one per actor, round-robin.
    const payload = rawPayload();
    const actorSubjects = Array.from({ length: ACTORS }, (_, index) => subjects.actor(index));
    return {
      prepare: () => undefined,
      send: (index) => nc.publish(actorSubjects[index % ACTORS] as string, payload),
      sendStamped: (index, sentAt) => nc.publish(actorSubjects[index % ACTORS] as string, rawPayload(sentAt)),
      flush: () => nc.flush(),
      close: () => nc.drain(),
    };
  }
  // Aether's events, padded so that their JSON is 256 bytes, encoded with JSON.stringify at each
  // send and parsed on receipt: what a hand-written JSON-over-NATS bus costs, without validation,
  // copies or filters.
  const encoder = new TextEncoder();
  let events: AnyEvent[] = [];
  return {
    prepare: (count) => {
      events = Array.from({ length: count }, (_, index) => benchEvent(index, jsonPayloadSize));
    },
    send: (index) => nc.publish(subjects.json, encoder.encode(JSON.stringify(events[index]))),
    sendStamped: (index, sentAt) =>
      nc.publish(subjects.json, encoder.encode(JSON.stringify(benchEvent(index, jsonPayloadSize, sentAt)))),
    flush: () => nc.flush(),
    close: () => nc.drain(),
  };
}
