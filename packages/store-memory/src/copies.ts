import type { ActorSnapshot, Event } from '@aether/core';

// Stored events and snapshots are deeply frozen by validateEvent / validateSnapshot, so their
// `data` and `state` can be shared. A Date stays mutable even when frozen, so every read hands out
// a new top-level object with a fresh Date: nothing a caller does can change stored history.

export function copyEvent(event: Event): Event {
  const timestamp = new Date(event.timestamp.getTime());
  const { id, eventType, actorId, version, data, metadata } = event;
  return metadata === undefined
    ? { id, eventType, actorId, version, data, timestamp }
    : { id, eventType, actorId, version, data, timestamp, metadata };
}

export function copySnapshot(snapshot: ActorSnapshot): ActorSnapshot {
  return { ...snapshot, timestamp: new Date(snapshot.timestamp.getTime()) };
}
