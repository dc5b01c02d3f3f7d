import { type Event, ReplayError } from '@aether/core';
import type { ActorHead, StoreContext } from '../context.js';
import { decodeStored } from './decode-stored.js';
import { lastMessage } from './last-message.js';
import { loadHistory } from './load-history.js';

/** An actor's latest version and the stream sequence of its last message, fresh from the server. */
export interface FreshHead extends ActorHead {
  /** The latest event, when the last message is one. */
  event: Event | undefined;
}

/**
 * Reads the actor's head with one direct get. When the last message is not a valid event
 * (corrupt bytes injected into the subject), the version is that of the last valid event before
 * it, which needs a read of the subject. Refreshes the write cache.
 */
export async function readHead(context: StoreContext, actorId: string, subject: string): Promise<FreshHead> {
  const last = await lastMessage(context, subject);
  if (last === null) {
    context.heads.delete(actorId);
    return { version: 0, seq: 0, event: undefined };
  }
  const decoded = decodeStored(last.data, last.seq, actorId);
  let head: FreshHead;
  if (decoded instanceof ReplayError) {
    const history = await loadHistory(context, actorId, subject, 1, last);
    head = { version: history.lastVersion, seq: last.seq, event: undefined };
  } else {
    head = { version: decoded.version, seq: last.seq, event: decoded };
  }
  context.heads.set(actorId, { version: head.version, seq: head.seq });
  return head;
}
