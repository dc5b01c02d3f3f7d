import type { AnyEvent } from '@aether/core';

/** An event the suite can change after saving it, to prove the store kept its own copy. */
export type MutableEvent = { -readonly [K in keyof AnyEvent]: AnyEvent[K] };

const baseTime = Date.parse('2024-01-01T00:00:00.123Z');

/**
 * A valid event with every field set: nested data with each JSON type, metadata, and a
 * timestamp with milliseconds. `overrides` replaces whole fields.
 */
export function sampleEvent(
  id: string,
  actorId: string,
  version: number,
  overrides: Partial<MutableEvent> = {},
): MutableEvent {
  return {
    id,
    eventType: 'ItemAdded',
    actorId,
    version,
    data: {
      sku: `sku-${version}`,
      quantity: 2,
      price: 19.99,
      gift: false,
      note: null,
      tags: ['a', 'b'],
      shipping: { city: 'Zürich', lines: [{ line: 1 }] },
    },
    timestamp: new Date(baseTime + (version % 1_000) * 1_000),
    metadata: { correlationId: `correlation-${version}`, causationId: id },
    ...overrides,
  };
}

/** Saves one sample event per version, in order, and returns what was saved. */
export async function saveHistory(
  store: { saveEvent(event: AnyEvent): Promise<void> },
  newId: (label: string) => string,
  actorId: string,
  versions: number[],
): Promise<MutableEvent[]> {
  const events = versions.map((version) => sampleEvent(newId('event'), actorId, version));
  for (const event of events) await store.saveEvent(event);
  return events;
}
