import type { MsgHdrs } from '@nats-io/nats-core';

/**
 * The header every save writes: the stream sequence of the subject's last message when the save
 * was made, which the save also sends as its expectation (`Nats-Expected-Last-Subject-Sequence`).
 * It is kept under a name of the store's own because the server's check is not enough on a
 * replicated stream, and a server is free to drop its own headers one day.
 */
export const FOLLOWS_HEADER = 'Aether-Follows';

// Messages saved before the store wrote FOLLOWS_HEADER still carry the server's expectation
// header, which nats-server stores with the message.
const EXPECTATION_HEADER = 'Nats-Expected-Last-Subject-Sequence';

/**
 * The rule that decides which messages make up an actor's history, the same for every writer and
 * reader, on every server:
 *
 *   A message that follows sequence F belongs to the history if and only if no other message is
 *   stored on its subject between F and itself.
 *
 * On a single server JetStream enforces the expectation, so every message belongs. On a
 * replicated stream nats-server 2.9 can accept two appends that expected the same F (issue
 * #4320: the leader checks against what it has applied, not what it has proposed; #8469: and
 * forgets across a leader change), and both are stored: the first belongs, the second does not,
 * and everything after it follows the rule again. A writer learns which with one leader-answered
 * read after its ack (`checkFollows`), and its save is a `VersionConflictError` when it lost; a
 * reader streaming the subject applies the rule as it goes, remembering only the previous
 * sequence (`previousSeq`). Both decide the same from the same stored messages, and nothing ever
 * changes stored messages (the stream refuses deletes), so the answer never changes either.
 *
 * The only exception is history the stream no longer has: when the messages before one have
 * expired (`maxAge`), nothing is stored between it and F any more, so it belongs.
 */
export function belongsAfter(previousSeq: number, follows: number | undefined, seq: number): boolean {
  if (follows === undefined) return true; // saved by something else than this store: unchecked
  return previousSeq === 0 ? follows < seq : follows === previousSeq;
}

/**
 * The sequence a stored message follows, from its headers; `undefined` when it has none, and
 * `NaN` when the header is there but is not a sequence below `seq` (a corrupt message).
 */
export function followsOf(header: MsgHdrs | undefined, seq: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.get(FOLLOWS_HEADER) || header.get(EXPECTATION_HEADER);
  if (text === '') return undefined;
  const follows = Number(text);
  return Number.isSafeInteger(follows) && follows >= 0 && follows < seq ? follows : Number.NaN;
}
