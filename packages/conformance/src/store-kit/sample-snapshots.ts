import type { ActorSnapshot } from '@aether/core';

/** A snapshot the suite can change after saving it, to prove the store kept its own copy. */
export type MutableSnapshot = { -readonly [K in keyof ActorSnapshot]: ActorSnapshot[K] };

/** A valid snapshot whose state names its actor and version, with nested JSON and a timestamp in milliseconds. */
export function sampleSnapshot(actorId: string, version: number): MutableSnapshot {
  return {
    actorId,
    version,
    state: {
      actorId,
      version,
      status: 'open',
      items: [{ sku: 'sku-1', quantity: 2 }],
      totals: { net: 39.98 },
    },
    timestamp: new Date(Date.parse('2024-02-01T00:00:00.456Z') + (version % 1_000) * 1_000),
  };
}
