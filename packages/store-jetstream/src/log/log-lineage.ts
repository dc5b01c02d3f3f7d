import { belongsAfter } from '../history/follows.js';

/** Subjects whose last message a log reader remembers: bounds its memory whatever the log holds. */
const rememberedSubjects = 100_000;

/** What a log reader remembers of one subject: its last message, and the last version it held. */
export interface SubjectState {
  seq: number;
  /** The last version of the subject's history seen, 0 when none has been seen yet. */
  version: number;
  /**
   * The actor id its events were found to hold ('' until one was): the subject of an actor id is
   * computed once per subject rather than once per message.
   */
  actorId: string;
}

/**
 * The follows rule (`belongsAfter`) for a reader of the whole log, which meets each actor's
 * messages among every other actor's, from any position on, with bounded memory.
 *
 * It remembers the last message it read of up to 100,000 subjects, in two generations of at most
 * half that each: subjects go into the young one, and once it is full the old one is forgotten
 * and the young one becomes old; a subject read again while old moves back into the young one.
 * So the subjects read recently are remembered, and a message costs one map lookup (an exact
 * least-recently-read order cost four). For a subject it remembers, the previous message is known
 * and the rule is decided on the spot, as a read of the subject does. For one it does not, it
 * knows that no message of that subject was stored after the later of where the read started and
 * the last message read before the generation it was in began: a message that follows a sequence
 * at or after that belongs; for one that follows an earlier sequence the answer is the server's
 * (`undefined` here: ask `checkFollows`). On a single replica the server enforced the rule, so a
 * reader needs only the versions.
 */
export class LogLineage {
  readonly #half: number;
  #young = new Map<string, SubjectState>();
  #old = new Map<string, SubjectState>();
  // No message of a subject the reader does not remember is stored after this sequence.
  #knownAfter: number;
  // The last message read before the young generation began: no subject that is only in the old
  // one was read after it.
  #oldUpTo: number;
  #lastRead: number;

  /** For a read of the messages after stream sequence `after`. */
  constructor(after: number, capacity = rememberedSubjects) {
    if (!Number.isInteger(capacity) || capacity < 2)
      throw new RangeError(`capacity must be an integer >= 2, got ${capacity}`);
    this.#half = Math.floor(capacity / 2);
    this.#knownAfter = after;
    this.#oldUpTo = after;
    this.#lastRead = after;
  }

  /**
   * What the reader remembers of `subject`, `undefined` when nothing: pass it to `belongs` and
   * `read` for the same message. Counts as a use (the subject is remembered longest).
   */
  recall(subject: string): SubjectState | undefined {
    const young = this.#young.get(subject);
    if (young !== undefined) return young;
    const old = this.#old.get(subject);
    if (old !== undefined) this.#remember(subject, old);
    return old;
  }

  /**
   * Whether the message at `seq`, which follows `follows`, belongs to its actor's history, given
   * what `recall` gave for its subject; `undefined` when only the server can tell.
   */
  belongs(state: SubjectState | undefined, seq: number, follows: number | undefined): boolean | undefined {
    if (state !== undefined) return belongsAfter(state.seq, follows, seq);
    if (follows === undefined || follows >= this.#knownAfter) return true;
    return undefined;
  }

  /**
   * The reader read the message at `seq` on `subject` (`state`: what `recall` gave for it);
   * `version` is its history's last version after it, `actorId` the actor its events hold (when
   * known: a message that is not events leaves what was known).
   */
  read(
    subject: string,
    state: SubjectState | undefined,
    seq: number,
    version: number,
    actorId = state?.actorId ?? '',
  ): void {
    if (state === undefined) {
      this.#remember(subject, { seq, version, actorId });
    } else {
      state.seq = seq;
      state.version = version;
      state.actorId = actorId;
    }
    this.#lastRead = seq;
  }

  #remember(subject: string, state: SubjectState): void {
    if (this.#young.size >= this.#half) {
      // Forget the old generation: what is only there was read before the young one began.
      this.#knownAfter = Math.max(this.#knownAfter, this.#oldUpTo);
      this.#oldUpTo = this.#lastRead;
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(subject, state);
  }
}
