import type { ActorSnapshot } from '@aether/core';

// A stored snapshot's `state` is deeply frozen by validateSnapshot, so it can be shared. A Date
// stays mutable even when frozen, so every read hands out a new object with a fresh Date.
export function copySnapshot(snapshot: ActorSnapshot): ActorSnapshot {
  return { ...snapshot, timestamp: new Date(snapshot.timestamp.getTime()) };
}
