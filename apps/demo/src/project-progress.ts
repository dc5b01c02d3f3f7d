import type { ProjectionStatus } from '@aether/projections';
import { plural } from './format.js';

/**
 * `project`'s progress line from the runner's status: where it is, how far behind the log's head
 * in events and seconds, and its state. `undefined` when nothing changed since `previous` (a live,
 * idle projection prints nothing more).
 */
export function progressLine(
  status: Pick<ProjectionStatus, 'state' | 'position' | 'head' | 'lagEvents' | 'lagSeconds'>,
  previous: string | undefined,
  leaseTtlMs: number,
): string | undefined {
  const line = describe(status, leaseTtlMs);
  return line === previous ? undefined : line;
}

function describe(
  { state, position, head, lagEvents, lagSeconds }: Parameters<typeof progressLine>[0],
  leaseTtlMs: number,
): string {
  if (state === 'standby') {
    return (
      `standby: another worker holds the projection's lease; taking over when it stops, or within ` +
      `${leaseTtlMs / 1000} s of its last renewal if it was killed`
    );
  }
  if (state === 'starting') return 'starting: taking the lease, reading the checkpoint';
  const percent = head === 0 ? 100 : Math.floor((position / head) * 100);
  return (
    `${state}: position ${position}/${head} (${percent}%), ` +
    `lag ${plural(lagEvents, 'event')}, ${lagSeconds.toFixed(1)} s`
  );
}
