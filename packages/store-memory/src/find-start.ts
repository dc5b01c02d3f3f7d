/**
 * The index of the first of `length` events whose version is >= `fromVersion`, or `length` when
 * there is none. Versions ascend strictly with the index (appends guarantee it), so a binary
 * search finds the start in O(log n) however long the history is, gaps in the versions included.
 */
export function findStart(length: number, fromVersion: number, versionAt: (index: number) => number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (versionAt(middle) < fromVersion) low = middle + 1;
    else high = middle;
  }
  return low;
}
