import { LruCache } from '../caches/lru-cache.js';
import { belongsAfter } from '../history/follows.js';

/** Subjects whose last message a log reader remembers: bounds its memory whatever the log holds. */
const rememberedSubjects = 100_000;

/** What a log reader remembers of one subject: its last message, and the last version it held. */
interface SubjectState {
  seq: number;
  /** The last version of the subject's history seen, 0 when none has been seen yet. */
  version: number;
}

/**
 * The follows rule (`belongsAfter`) for a reader of the whole log, which meets each actor's
 * messages among every other actor's, from any position on, with bounded memory.
 *
 * It remembers the last message it read of up to 100,000 subjects (the least recently read ones
 * are forgotten). For a subject it remembers, the previous message is known and the rule is
 * decided on the spot, as a read of the subject does. For one it does not, it knows that no message
 * of that subject was stored after the later of where the read started and the newest message it
 * forgot: a message that follows a sequence at or after that belongs; for one that follows an
 * earlier sequence the answer is the server's (`undefined` here: ask `checkFollows`). On a single
 * replica the server enforced the rule, so a reader does not need this at all.
 */
export class LogLineage {
  readonly #subjects: LruCache<string, SubjectState>;
  // No message of a subject the reader does not remember is stored after this sequence.
  #knownAfter: number;

  /** For a read of the messages after stream sequence `after`. */
  constructor(after: number, capacity = rememberedSubjects) {
    this.#knownAfter = after;
    this.#subjects = new LruCache(capacity, undefined, (_, state) => {
      this.#knownAfter = Math.max(this.#knownAfter, state.seq);
    });
  }

  /**
   * Whether the message at `seq` on `subject`, which follows `follows`, belongs to its actor's
   * history; `undefined` when only the server can tell.
   */
  belongs(subject: string, seq: number, follows: number | undefined): boolean | undefined {
    const state = this.#subjects.get(subject);
    if (state !== undefined) return belongsAfter(state.seq, follows, seq);
    if (follows === undefined || follows >= this.#knownAfter) return true;
    return undefined;
  }

  /**
   * The highest version the subject's history held before this message, when known (0 when the
   * reader has not seen the subject yet, or forgot it): a version not above it is out of order.
   */
  lastVersion(subject: string): number {
    // Not a use: `read` of the same message follows and counts it.
    return this.#subjects.peek(subject)?.version ?? 0;
  }

  /** The reader read the message at `seq` on `subject`; `version` is its history's last version after it. */
  read(subject: string, seq: number, version: number): void {
    // Every message of the log passes here: update a remembered subject in place rather than
    // replace its entry (half the map operations per message).
    const state = this.#subjects.get(subject);
    if (state === undefined) {
      this.#subjects.set(subject, { seq, version });
      return;
    }
    state.seq = seq;
    state.version = version;
  }
}
