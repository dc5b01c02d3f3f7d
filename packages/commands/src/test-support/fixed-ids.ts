import { VirtualClock } from '@aether/retry';

/** Ids `id-1`, `id-2`... and a clock that never waits: what a test can predict. */
export function predictable(start = Date.UTC(2026, 0, 1)) {
  let next = 0;
  return {
    newId: () => `id-${++next}`,
    clock: new VirtualClock({ start, autoAdvance: true }),
  };
}
