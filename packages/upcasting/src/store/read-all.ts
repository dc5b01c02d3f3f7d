import { type EventLog, type ReadAllOptions, type RecordedEvent, ReplayError } from '@aether/core';
import type { Upcasters } from '../chain/define-upcasters.js';
import { upcastRead } from './upcast-read.js';

/**
 * `readAll` through the upcasters: the store's pages, each event in its current shape. An event
 * that cannot be upcast goes to `onReplayError` and is left out, or, without that option, rejects
 * the read with its `ReplayError` (the log contract: nothing is skipped silently).
 *
 * Left-out events must not shorten a page, or a full page of them would read as the head: while
 * some were left out and `limit` is not reached, it reads on after the store's page. Events saved
 * together still come whole (a batch that would pass the limit waits for the next read).
 */
export async function readAllUpcast(
  log: EventLog,
  upcasters: Upcasters,
  options: ReadAllOptions | undefined,
): Promise<RecordedEvent[]> {
  const page = await log.readAll(options);
  const onReplayError = options?.onReplayError;
  const limit = options?.limit ?? Number.POSITIVE_INFINITY;
  const read: RecordedEvent[] = [];
  let current = page;
  for (;;) {
    let leftOut = false;
    for (const group of byPosition(current)) {
      const kept: RecordedEvent[] = [];
      for (const { event, position } of group) {
        const upcasted = upcastRead(upcasters, event, position);
        if (!(upcasted instanceof ReplayError)) kept.push({ event: upcasted, position });
        else if (onReplayError === undefined) throw upcasted;
        else {
          onReplayError(upcasted);
          leftOut = true;
        }
      }
      if (read.length > 0 && read.length + kept.length > limit) return read;
      read.push(...kept);
      if (read.length >= limit) return read;
    }
    if (!leftOut || limit === Number.POSITIVE_INFINITY || current.length === 0) return read;
    const last = current[current.length - 1] as RecordedEvent;
    current = await log.readAll({ ...options, after: last.position });
    if (current.length === 0) return read;
  }
}

function* byPosition(events: readonly RecordedEvent[]): Generator<RecordedEvent[]> {
  let group: RecordedEvent[] = [];
  for (const recorded of events) {
    if (group.length > 0 && (group[0] as RecordedEvent).position !== recorded.position) {
      yield group;
      group = [];
    }
    group.push(recorded);
  }
  if (group.length > 0) yield group;
}
