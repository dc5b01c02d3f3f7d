import { type Delivery, decodeEvent } from '@aether/core';
import { NatsBusError } from '../errors.js';
import type { NamespaceCheck } from '../subject/namespace-check.js';
import { parseEventSubject } from '../subject/subject-layout.js';
import { subjectToken, type TokenCache } from '../subject/subject-token.js';

/** What decoding remembers between messages: event type tokens and namespaces already checked. */
export interface DecodeCaches {
  readonly types: TokenCache;
  readonly namespaces: NamespaceCheck;
}

/**
 * Turns a message received on the bus's subjects into a frozen delivery, or throws a
 * `NatsBusError` with code `MALFORMED_MESSAGE` (holding the subject and a copy of the bytes): the
 * subject must have the bus's shape with a valid namespace, the payload must be a valid event
 * (`decodeEvent`), and the event's type and actor must be the ones the subject names, so that the
 * server's subject filtering can be trusted.
 */
export function decodeDelivery(
  prefix: string,
  subject: string,
  data: Uint8Array,
  caches: DecodeCaches,
): Delivery {
  const parts = parseEventSubject(prefix, subject);
  if (parts === undefined)
    throw malformed(
      subject,
      data,
      `the subject does not have the shape ${prefix}.<type>.<actor>.<namespace>`,
    );
  try {
    caches.namespaces.check(parts.namespace);
  } catch (cause) {
    throw malformed(subject, data, 'the subject holds an invalid namespace', cause);
  }
  let event: Delivery['event'];
  try {
    event = decodeEvent(data);
  } catch (cause) {
    throw malformed(subject, data, `the payload is not a valid event (${(cause as Error).message})`, cause);
  }
  if (caches.types.get(event.eventType) !== parts.typeToken) {
    throw malformed(
      subject,
      data,
      `the subject's event type token does not match the event's type ${JSON.stringify(event.eventType)}`,
    );
  }
  if (subjectToken(event.actorId) !== parts.actorToken) {
    throw malformed(
      subject,
      data,
      `the subject's actor token does not match the event's actor ${JSON.stringify(event.actorId)}`,
    );
  }
  return Object.freeze({ namespace: parts.namespace, event });
}

function malformed(subject: string, data: Uint8Array, problem: string, cause?: unknown): NatsBusError {
  const shown = subject.length > 200 ? `${subject.slice(0, 200)}…` : subject;
  return new NatsBusError('MALFORMED_MESSAGE', `dropped a malformed message on ${shown}: ${problem}`, {
    cause,
    subject,
    data: new Uint8Array(data), // a copy: nats.js hands out a view of its read buffer (a Buffer, whose slice() is a view too)
  });
}
