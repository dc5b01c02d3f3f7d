import type { StoredMsg } from '@nats-io/jetstream';
import type { StoreContext } from '../context.js';

/** The last message on `subject`, or null when it has none: one direct get, one round trip. */
export function lastMessage(context: StoreContext, subject: string): Promise<StoredMsg | null> {
  return context.jsm.direct.getMessage(context.config.stream, { last_by_subj: subject });
}

/** The message at stream sequence `seq`, or null. */
export function messageAt(context: StoreContext, seq: number): Promise<StoredMsg | null> {
  return context.jsm.direct.getMessage(context.config.stream, { seq });
}

/** The event id a message was published with (its `Nats-Msg-Id` header). */
export function msgIdOf(message: StoredMsg): string | undefined {
  const id = message.header?.get('Nats-Msg-Id');
  return id === undefined || id === '' ? undefined : id;
}
