import type { OlderThan } from './arguments.js';
import { plural } from './format.js';
import { type RunLeftover, runLeftoverOf } from './run-names.js';

/** What `clean` needs to know of a JetStream stream. */
export interface StreamSummary {
  name: string;
  created: Date;
  messages: number;
}

/** A stream or snapshot bucket a run left behind, with the stream that holds it. */
export interface Leftover extends RunLeftover {
  stream: string;
  created: Date;
  messages: number;
}

/**
 * The demo's leftovers among `streams`, created more than `olderThan` before `now` when given,
 * in name order (a run's stream, then its snapshot bucket). Every other stream is left out.
 */
export function selectLeftovers(
  streams: readonly StreamSummary[],
  olderThan: OlderThan | undefined,
  now: Date,
): Leftover[] {
  const leftovers: Leftover[] = [];
  for (const { name, created, messages } of streams) {
    const leftover = runLeftoverOf(name);
    if (leftover === undefined) continue;
    if (olderThan !== undefined && now.getTime() - created.getTime() <= olderThan.ms) continue;
    leftovers.push({ ...leftover, stream: name, created, messages });
  }
  return leftovers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * `stream aether-demo-… (13 messages, created 2026-01-31 09:15:00 UTC)`. Messages, not events:
 * the events of one saveEvents call are one message, and counting events would mean reading them.
 */
export function describeLeftover(leftover: Leftover): string {
  const held =
    leftover.kind === 'stream' ? plural(leftover.messages, 'message') : plural(leftover.messages, 'snapshot');
  const created = `${leftover.created.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  return `${leftover.kind} ${leftover.name} (${held}, created ${created})`;
}

/** `2 streams and 1 snapshot bucket` */
export function countLeftovers(leftovers: readonly Leftover[]): string {
  const streams = leftovers.filter((leftover) => leftover.kind === 'stream').length;
  const buckets = leftovers.length - streams;
  const parts = [];
  if (streams > 0 || buckets === 0) parts.push(plural(streams, 'stream'));
  if (buckets > 0) parts.push(plural(buckets, 'snapshot bucket'));
  return parts.join(' and ');
}
