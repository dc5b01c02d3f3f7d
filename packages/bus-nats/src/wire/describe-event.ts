import type { Event } from '@aether/core';

/** An event as error messages name it: type, version and actor, long values cut to 100 characters. */
export function describeEvent(event: Pick<Event, 'eventType' | 'version' | 'actorId'>): string {
  return `${shorten(event.eventType)} v${event.version} of actor ${JSON.stringify(shorten(event.actorId))}`;
}

function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
