import { ValidationError } from '@aether/core';
import { boundedSubjectToken, validateNamespace } from '@aether/core/adapter';

// The names of everything the store keeps on the server, all derived from the store name and the
// namespace: the stream, its subjects (one per actor), the snapshot bucket and its keys.

/** The first subject token of every store subject: `aether-store.<stream>.<encoded actor id>`. */
export const SUBJECT_ROOT = 'aether-store';

const maxStreamNameLength = 100;
const storeNamePattern = /^[A-Za-z0-9-]+(_[A-Za-z0-9-]+)*$/;

/** Checks a store name: letters, digits, `-`, single `_` between them (`__` joins the namespace). */
export function validateStoreName(name: unknown): string {
  if (typeof name !== 'string' || !storeNamePattern.test(name)) {
    throw new ValidationError(
      'storeName',
      `${JSON.stringify(name)} must be letters, digits, "-" and single "_" between them ("__" is reserved)`,
    );
  }
  if (/^(KV|OBJ)_/.test(name)) {
    throw new ValidationError(
      'storeName',
      `${JSON.stringify(name)} may not start with KV_ or OBJ_ (reserved by NATS)`,
    );
  }
  return name;
}

/**
 * The stream of a (store name, namespace) pair: `<name>` or `<name>__<namespace>`, the namespace
 * written with `.` as `_-` and any character other than letters, digits and `-` as `_` + 4 hex
 * digits. The mapping is injective, so two namespaces never share a stream.
 */
export function streamNameFor(storeName: string, namespace: string | undefined): string {
  validateStoreName(storeName);
  const name =
    namespace === undefined ? storeName : `${storeName}__${encodeNamespace(validateNamespace(namespace))}`;
  if (name.length > maxStreamNameLength) {
    throw new ValidationError(
      namespace === undefined ? 'storeName' : 'namespace',
      `stream name ${JSON.stringify(name)} is longer than ${maxStreamNameLength} characters; use a shorter store name or namespace`,
    );
  }
  return name;
}

function encodeNamespace(namespace: string): string {
  let out = '';
  for (let index = 0; index < namespace.length; index++) {
    const char = namespace[index] as string;
    if (/[A-Za-z0-9-]/.test(char)) out += char;
    else if (char === '.') out += '_-';
    else out += `_${namespace.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** The subjects of a stream: `aether-store.<stream>`, one more token per actor. */
export function subjectPrefixFor(stream: string): string {
  return `${SUBJECT_ROOT}.${stream}`;
}

/** The subject of an actor: `<subjectPrefix>.<actor token>`, the token from `actorToken`. */
export function actorSubject(subjectPrefix: string, token: string): string {
  return `${subjectPrefix}.${token}`;
}

/** The snapshot bucket of a stream. */
export function snapshotBucketFor(stream: string): string {
  return `${stream}-snapshots`;
}

/**
 * The actor's subject token: `boundedSubjectToken(actorId)` from `@aether/core/adapter`, injective
 * and reversible, or for an id too long to encode (say 2,000 characters of Unicode) a hash. Such an
 * id still round-trips exactly (every event holds it), and reads check it, so even a hash collision
 * could never show one actor another's events.
 */
export function actorToken(actorId: unknown): string {
  if (typeof actorId !== 'string' || actorId.length === 0) {
    throw new ValidationError('actorId', 'must be a non-empty string');
  }
  return boundedSubjectToken(actorId);
}

/**
 * The actor's snapshot key: its subject token with `~` written as `=` (KV keys may not contain
 * `~`, and the token never contains `=`, so this stays injective).
 */
export function snapshotKeyFor(token: string): string {
  return token.replaceAll('~', '=');
}
