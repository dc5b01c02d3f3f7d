import { randomUUID } from 'node:crypto';
import type { Event } from '@aether/core';
import { now } from '../nats-bus/wire.js';
import { openAetherStore } from './aether-store.js';
import { actorId, actorSubject } from './events.js';
import type { Session } from './session.js';

/** Saves events of a live-latency run, each resolving once stored. */
export interface LiveWriter {
  write(event: Event): Promise<unknown>;
  close(): Promise<void>;
}

export type OpenLiveWriter = (session: Session, stream: string) => Promise<LiveWriter>;

/** Aether: `saveEvent` on a store opened on the stream. */
export const aetherWriter: OpenLiveWriter = async (session, stream) => {
  const store = await openAetherStore(session, stream);
  return { write: (event) => store.saveEvent(event), close: () => store.close() };
};

const encoder = new TextEncoder();

/** `js.publish` of the event's JSON with the headers Aether sends, chained on each actor's last ack. */
export const rawWriter: OpenLiveWriter = async (session, stream) => {
  const last = new Map<string, number>();
  return {
    async write(event) {
      const subject = actorSubject(stream, event.actorId);
      const ack = await session.js.publish(subject, encoder.encode(JSON.stringify(event)), {
        msgID: event.id,
        expect: { lastSubjectSequence: last.get(subject) ?? 0 },
      });
      last.set(subject, ack.seq);
    },
    close: async () => {},
  };
};

/**
 * Builds the i-th event of a run: round-robin over `actors` actors, each at its next version, its
 * data stamped with `sentAt` (`now()`) as it is built, just before it is saved.
 */
export function liveEvents(actors: number): (index: number) => Event {
  const versions = new Array<number>(actors).fill(0);
  return (index) => {
    const actor = index % actors;
    versions[actor] = (versions[actor] as number) + 1;
    return {
      id: randomUUID(),
      eventType: 'ItemAdded',
      actorId: actorId(actor),
      version: versions[actor] as number,
      data: { sku: `SKU-${index % 1000}`, quantity: 1, priceCents: 1999, sentAt: now() },
      timestamp: new Date(),
    };
  };
}
