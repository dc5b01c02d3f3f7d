/**
 * The index of the first event whose version is >= `fromVersion`, or `events.length` when there is
 * none. `events` is sorted by strictly ascending version (appends guarantee it), so a binary search
 * finds the start in O(log n) however long the history is, gaps in the versions included.
 */
export function findStart(events: readonly { readonly version: number }[], fromVersion: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((events[middle] as { version: number }).version < fromVersion) low = middle + 1;
    else high = middle;
  }
  return low;
}
