import type { Delivery, Event } from '@aether/core';
import { boundedSubjectToken, valueOfBoundedToken } from '@aether/core/adapter';
import { NatsBusError } from '../errors/bus-error.js';
import type { NamespaceCheck } from '../subjects/namespace-check.js';
import { parseEventSubject } from '../subjects/subject-layout.js';
import type { TokenValueCache } from '../subjects/subject-token.js';

import { type DecodedPayload, decodePayload } from './decode-payload.js';

/** What decoding remembers between messages: event types of tokens and namespaces already checked. */
export interface DecodeCaches {
  readonly types: TokenValueCache;
  readonly namespaces: NamespaceCheck;
}

/**
 * Turns a message received on the bus's subjects into a frozen delivery, or throws a
 * `NatsBusError` with code `MALFORMED_MESSAGE` (holding the subject and a copy of the bytes): the
 * subject must have the bus's shape with a valid namespace and tokens the bus writes, and the
 * payload must be a valid event of format 1 (`decodePayload`). The event type and the actor id
 * are read from the subject, so the server's subject filtering can be trusted; when a token is a
 * hash, the value travels in the payload and must hash to it.
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
  let payload: DecodedPayload;
  try {
    payload = decodePayload(data);
  } catch (cause) {
    throw malformed(subject, data, `the payload is not a valid event (${(cause as Error).message})`, cause);
  }
  const eventType = resolveToken(
    subject,
    data,
    'event type',
    parts.typeToken,
    payload.eventType,
    caches.types,
  );
  const actorId = resolveToken(subject, data, 'actor', parts.actorToken, payload.actorId, undefined);
  const { id, version, data: eventData, metadata } = payload;
  const timestamp = new Date(payload.time);
  // The fields in the order validateEvent gives them, metadata left out when there is none.
  const event: Event = Object.freeze(
    metadata === undefined
      ? { id, eventType, actorId, version, data: eventData, timestamp }
      : { id, eventType, actorId, version, data: eventData, timestamp, metadata },
  );
  return Object.freeze({ namespace: parts.namespace, event });
}

/** The value of a subject token: decoded from the token, or, for a hash, the one the payload carries. */
function resolveToken(
  subject: string,
  data: Uint8Array,
  what: 'event type' | 'actor',
  token: string,
  carried: string | undefined,
  cache: TokenValueCache | undefined,
): string {
  let named: string | undefined;
  try {
    named = cache === undefined ? valueOfBoundedToken(token) : cache.get(token);
  } catch (cause) {
    throw malformed(subject, data, `the subject's ${what} token is not one the bus writes`, cause);
  }
  if (named !== undefined) {
    if (carried !== undefined)
      throw malformed(subject, data, `the payload carries an ${what} its subject names already`);
    return named;
  }
  if (carried === undefined)
    throw malformed(
      subject,
      data,
      `the subject's ${what} token is a hash, and the payload does not carry the ${what}`,
    );
  if (boundedSubjectToken(carried) !== token) {
    throw malformed(
      subject,
      data,
      `the subject's ${what} token does not match the event's ${what} ${JSON.stringify(shorten(carried))}`,
    );
  }
  return carried;
}

function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

function malformed(subject: string, data: Uint8Array, problem: string, cause?: unknown): NatsBusError {
  const shown = subject.length > 200 ? `${subject.slice(0, 200)}…` : subject;
  return new NatsBusError('MALFORMED_MESSAGE', `dropped a malformed message on ${shown}: ${problem}`, {
    cause,
    subject,
    data: new Uint8Array(data), // a copy: nats.js hands out a view of its read buffer (a Buffer, whose slice() is a view too)
  });
}
