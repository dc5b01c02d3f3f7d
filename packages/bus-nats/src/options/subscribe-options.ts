import type { SubscribeOptions } from '@aether/core';

/**
 * Reads `subscribe()`'s options once, so that what is validated is what is used (the caller's
 * object or its arrays may change later); anything but an object is left for validation to refuse.
 */
export function pickSubscribeOptions(options: unknown): SubscribeOptions | undefined {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return options as undefined;
  const { eventTypes, actorPattern, bufferSize, overflow } = options as SubscribeOptions;
  return {
    eventTypes: Array.isArray(eventTypes) ? [...eventTypes] : eventTypes,
    actorPattern,
    bufferSize,
    overflow,
  };
}
