import { type Event, isVersionConflict } from '@aether/core';
import { encodeEvent } from '@aether/core/adapter';
import { JetStreamApiError } from '@nats-io/jetstream';
import { openAetherStore } from './aether-store.js';
import { orderEvent } from './events.js';
import { readSubject } from './raw-read.js';
import type { Session } from './session.js';
import { messageCount } from './streams.js';

/** One of several writers saving to the same actor, on a connection of its own. */
export interface ContendedWriter {
  /**
   * Saves one more event as an application does when others write the actor too: reads the
   * actor's latest version, saves the next one, and after a conflict reads and tries again (a
   * fresh event each time). Resolves with the saved event's id once one is acknowledged.
   */
  saveNext(): Promise<string>;
  close(): Promise<void>;
}

/** What the stream held after a run, beyond what its figure says. */
export interface RunCheck {
  /** Acknowledged saves that took a version already acknowledged to another save. */
  readonly sharedVersions: number;
  /** Stored messages left out of the actor's history: saves that lost a race after being stored. */
  readonly leftOut: number;
}

/** What a contender's writers of one case are made of, and how a run's result is checked. */
export interface ContendedContender {
  open(session: Session, stream: string, actorId: string, subject: string): Promise<ContendedWriter>;
  /**
   * Checks what the stream holds after a run against the saves acknowledged in it, and throws
   * when a promise was broken.
   */
  check(
    session: Session,
    stream: string,
    actorId: string,
    subject: string,
    acked: readonly string[],
  ): Promise<RunCheck>;
}

/** `getLatestVersion`, then `saveEvent` at the next version, again after a `VersionConflictError`. */
export const aetherWriters: ContendedContender = {
  async open(session, stream, actorId) {
    const store = await openAetherStore(session, stream);
    return {
      async saveNext() {
        for (;;) {
          const event = orderEvent(actorId, (await store.getLatestVersion(actorId)) + 1);
          try {
            await store.saveEvent(event);
            return event.id;
          } catch (error) {
            if (!isVersionConflict(error)) throw error;
          }
        }
      },
      close: () => store.close(),
    };
  },
  // Aether's promise: the history is exactly the acknowledged saves, one per version, no gap.
  async check(session, stream, actorId, _subject, acked) {
    const store = await openAetherStore(session, stream);
    try {
      const { events, errors, rejected } = await store.getEventsWithErrors(actorId);
      const ids = new Set(acked);
      const stray = events.filter((event, index) => event.version !== index + 1 || !ids.has(event.id));
      if (events.length !== acked.length || stray.length > 0 || errors.length > 0) {
        throw new Error(
          `Aether acknowledged ${acked.length} saves of ${actorId}, but its history holds ${events.length} events, ${stray.length} of them out of place, and ${errors.length} replay errors`,
        );
      }
      return { sharedVersions: 0, leftOut: rejected?.length ?? 0 };
    } finally {
      await store.close();
    }
  },
};

const wrongLastSequence = 10071;

/**
 * Raw nats.js the same way: the subject's last message from the stream leader
 * (`jsm.streams.getMessage(stream, { last_by_subj })`, the read Aether makes on a replicated
 * stream), its version from `JSON.parse`, then `js.publish` of the next event's bytes
 * (`encodeEvent`) with `msgID` and `expect: { lastSubjectSequence }`, again after error 10071.
 */
export const rawWriters: ContendedContender = {
  async open(session, stream, actorId, subject) {
    return {
      async saveNext() {
        for (;;) {
          const last = await session.jsm.streams.getMessage(stream, { last_by_subj: subject });
          const version = last === null ? 0 : last.json<Event>().version;
          const event = orderEvent(actorId, version + 1);
          try {
            await session.js.publish(subject, encodeEvent(event), {
              msgID: event.id,
              expect: { lastSubjectSequence: last?.seq ?? 0 },
            });
            return event.id;
          } catch (error) {
            if (!(error instanceof JetStreamApiError && error.code === wrongLastSequence)) throw error;
          }
        }
      },
      close: async () => {},
    };
  },
  // Every acknowledged publish is a stored message; on a replicated stream two of them can share a
  // version (the server let both through), which is what this contender does not prevent.
  async check(session, stream, _actorId, subject, acked) {
    const stored = await messageCount(session.jsm, stream);
    if (stored !== acked.length) {
      throw new Error(`raw nats.js had ${acked.length} publishes acknowledged, the stream holds ${stored}`);
    }
    // The ordered consumer may run on a follower that reports nothing pending before it has every
    // acknowledged message: read again until it has them all.
    for (let attempt = 1; ; attempt++) {
      const read = await readSubject(session.js, stream, subject, (message) => message.json<Event>().version);
      await read.cleanup;
      if (read.messages.length === stored) {
        return { sharedVersions: read.messages.length - new Set(read.messages).size, leftOut: 0 };
      }
      if (attempt === 5)
        throw new Error(`read ${read.messages.length} of the ${stored} messages of ${subject}`);
    }
  },
};
