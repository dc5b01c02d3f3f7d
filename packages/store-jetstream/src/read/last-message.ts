import type { MsgRequest, StoredMsg } from '@nats-io/jetstream';
import type { StoreContext } from '../context.js';
import { eventIdOfMessageId } from '../write/message-id.js';

/** The last message on `subject`, or null when it has none: one round trip (see `getMessage`). */
export function lastMessage(context: StoreContext, subject: string): Promise<StoredMsg | null> {
  return getMessage(context, { last_by_subj: subject });
}

/** The message at stream sequence `seq`, or null. */
export function messageAt(context: StoreContext, seq: number): Promise<StoredMsg | null> {
  return getMessage(context, { seq });
}

/** The first message on `subject` at or after stream sequence `seq`, or null. */
export function nextMessage(context: StoreContext, subject: string, seq: number): Promise<StoredMsg | null> {
  // nats.js types these queries without next_by_subj, which the server has taken since 2.9 and
  // nats.js sends as it is.
  return getMessage(context, { seq, next_by_subj: subject } as unknown as MsgRequest);
}

/**
 * One message, one round trip, consistent with every acknowledged append. On a stream with one
 * replica that is a direct get (`$JS.API.DIRECT.GET`, answered by the only copy). With replicas,
 * a direct get is answered by any replica that is current, preferably one on the server the client
 * is connected to, and a follower applies an append a moment after the leader acknowledged it: it
 * can answer with the message before (measured on a 3-node cluster, see the README). There the
 * store asks `$JS.API.STREAM.MSG.GET`, which only the stream leader answers.
 */
function getMessage(context: StoreContext, query: MsgRequest): Promise<StoredMsg | null> {
  const { stream, replicas } = context.config;
  return replicas > 1
    ? context.jsm.streams.getMessage(stream, query)
    : context.jsm.direct.getMessage(stream, query);
}

/** The id of the event a message was published with (from its `Nats-Msg-Id` header). */
export function eventIdOf(message: StoredMsg): string | undefined {
  const id = message.header?.get('Nats-Msg-Id');
  return id === undefined || id === '' ? undefined : eventIdOfMessageId(id);
}
