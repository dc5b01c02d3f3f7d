import type { RecordedEvent } from '@aether/core';
import type { ResolvedReadAll } from '@aether/core/adapter';
import { JetStreamLogSubscription, type LogReading } from './log-subscription.js';

/**
 * `readAll` on the JetStream store: the log after `after` up to the head at the time of the call,
 * at most `limit` events without splitting the events saved together (a first batch larger than
 * the limit comes whole). It is a subscription that ends once caught up, closed as soon as it has
 * what the call asked for.
 */
export async function readAll(reading: LogReading, options: ResolvedReadAll): Promise<RecordedEvent[]> {
  const subscription = new JetStreamLogSubscription(reading, {
    after: options.after,
    live: false,
    matches: undefined,
    signal: undefined,
    onReplayError: options.onReplayError,
    allowExpiredHistory: options.allowExpiredHistory,
  });
  const read: RecordedEvent[] = [];
  // The events of one position, taken whole or not at all.
  let group: RecordedEvent[] = [];
  const take = (): boolean => {
    if (read.length > 0 && read.length + group.length > options.limit) return false;
    for (const recorded of group) read.push(recorded);
    group = [];
    return read.length < options.limit;
  };
  try {
    for await (const recorded of subscription) {
      if (group.length > 0 && (group[0] as RecordedEvent).position !== recorded.position && !take()) {
        group = [];
        break;
      }
      group.push(recorded);
    }
    if (group.length > 0) take();
  } finally {
    await subscription.close();
  }
  return read;
}
