import type { AnyEvent } from '@aether/core';
import { boundedSubjectToken, checkEventRecord, HASHED_TOKEN_MARK } from '@aether/core/adapter';

import { PayloadEncoder } from './encode-payload.js';

/**
 * The size in bytes of the payload `event` travels as on a `NatsEventBus` (without the subject and
 * headers): to size events, or to check them against a server's `max_payload` ahead of time.
 * Throws `ValidationError` for an event `publish` would refuse.
 */
export function payloadBytes(event: AnyEvent): number {
  const checked = checkEventRecord(event);
  return encoder.encode(checked, isHashed(checked.eventType), isHashed(checked.actorId)).length;
}

// One encoder for every call: its chunk is shared, and the payloads it cuts are thrown away.
const encoder = new PayloadEncoder();

function isHashed(value: string): boolean {
  return boundedSubjectToken(value).startsWith(HASHED_TOKEN_MARK);
}
