import type { Event } from '../event.js';

/**
 * The JSON text of an event as `encodeEvent` writes it: the same text `JSON.stringify(event)`
 * gives for a validated event, the timestamp as an ISO-8601 string.
 */
export function eventJson(event: Event): string {
  // Assembled by hand: JSON.stringify takes its slow, generic path for the event itself (a frozen
  // object holding a Date), several times slower than for the plain data inside it. This runs
  // once per append and once per bus message.
  let json =
    `{"id":${JSON.stringify(event.id)},"eventType":${JSON.stringify(event.eventType)},` +
    `"actorId":${JSON.stringify(event.actorId)},"version":${event.version},` +
    `"data":${JSON.stringify(event.data)},"timestamp":"${event.timestamp.toISOString()}"`;
  if (event.metadata !== undefined) json += `,"metadata":${JSON.stringify(event.metadata)}`;
  return `${json}}`;
}
