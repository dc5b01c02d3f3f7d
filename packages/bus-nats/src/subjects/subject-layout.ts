import { ValidationError } from '@aether/core';
import { boundedSubjectToken, parsePattern, validateNamespace } from '@aether/core/adapter';

/** The subject prefix when none is given. */
export const DEFAULT_SUBJECT_PREFIX = 'aether-bus';
/** Longest subject prefix, in UTF-8 bytes. */
export const MAX_PREFIX_BYTES = 256;
/** Longest namespace or namespace pattern, in UTF-8 bytes (keeps every subject under 4 KB). */
export const MAX_NAMESPACE_BYTES = 1024;

/**
 * Where an event travels: `<prefix>.<event type token>.<actor id token>.<namespace>`. The
 * namespace comes last so that every namespace pattern (`*`, `>`, literal tokens) is also a NATS
 * pattern the server applies; the event type and actor id are one token each (`boundedSubjectToken`).
 */
export function eventSubject(
  prefix: string,
  typeToken: string,
  actorToken: string,
  namespace: string,
): string {
  return `${prefix}.${typeToken}.${actorToken}.${namespace}`;
}

/**
 * The NATS subjects one bus subscription listens on, so that the server does the filtering: one
 * per listed event type (one `*` when every type is wanted); the actor token when `actorPattern`
 * has no wildcard (it then names exactly one actor), otherwise `*` and the bus checks the pattern.
 * The namespace pattern is used as it is. Inputs are already validated.
 */
export function subscriptionSubjects(
  prefix: string,
  namespacePattern: string,
  eventTypes: readonly string[] | undefined,
  actorPattern: string | undefined,
): string[] {
  const actor =
    actorPattern !== undefined && parsePattern(actorPattern, 'actorPattern').every(isLiteral)
      ? boundedSubjectToken(actorPattern)
      : '*';
  const types =
    eventTypes === undefined || eventTypes.length === 0
      ? ['*']
      : [...new Set(eventTypes)].map(boundedSubjectToken);
  return types.map((type) => eventSubject(prefix, type, actor, namespacePattern));
}

function isLiteral(token: string): boolean {
  return token !== '*' && token !== '>';
}

/** The parts of a received subject, or undefined when it does not have the bus's shape. */
export interface SubjectParts {
  typeToken: string;
  actorToken: string;
  namespace: string;
}

export function parseEventSubject(prefix: string, subject: string): SubjectParts | undefined {
  const start = prefix.length + 1;
  if (subject.length <= start || !subject.startsWith(prefix) || subject[prefix.length] !== '.')
    return undefined;
  const typeEnd = subject.indexOf('.', start);
  if (typeEnd === -1) return undefined;
  const actorEnd = subject.indexOf('.', typeEnd + 1);
  if (actorEnd === -1) return undefined;
  return {
    typeToken: subject.slice(start, typeEnd),
    actorToken: subject.slice(typeEnd + 1, actorEnd),
    namespace: subject.slice(actorEnd + 1),
  };
}

/** Checks a subject prefix: `.`-separated tokens without wildcards or whitespace, at most 256 bytes. */
export function validateSubjectPrefix(prefix: unknown): string {
  try {
    validateNamespace(prefix);
  } catch (err) {
    throw new ValidationError(
      'subjectPrefix',
      `${JSON.stringify(prefix)} must be NATS subject tokens without wildcards or whitespace`,
      { cause: err },
    );
  }
  checkLength(prefix as string, MAX_PREFIX_BYTES, 'subjectPrefix');
  return prefix as string;
}

/** Refuses a namespace (or pattern) that would make a subject too long for NATS. */
export function checkNamespaceLength(namespace: string, field: 'namespace' | 'namespacePattern'): void {
  checkLength(namespace, MAX_NAMESPACE_BYTES, field);
}

function checkLength(value: string, maxBytes: number, field: string): void {
  // Every UTF-16 code unit is at most 3 bytes of UTF-8: count only when it could matter.
  if (value.length * 3 <= maxBytes) return;
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > maxBytes) {
    throw new ValidationError(
      field,
      `is ${bytes} bytes long; the NATS bus allows at most ${maxBytes} (NATS drops connections whose protocol lines exceed 4 KB)`,
    );
  }
}
