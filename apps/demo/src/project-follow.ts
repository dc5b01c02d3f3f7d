import type { ProjectionRunner } from '@aether/projections';
import { DemoError, oneLine } from './demo-error.js';
import { progressLine } from './project-progress.js';
import type { SummariesVerification } from './summaries-verify.js';

const PROGRESS_INTERVAL_MS = 1_000;

export interface FollowOptions {
  /** Compares the table with the log at the committed position. */
  verify: () => Promise<SummariesVerification>;
  print: (line: string) => void;
  /** The runner's lease time to live, for the standby line. */
  leaseTtlMs: number;
}

/**
 * Prints the runner's progress about every second (when it changed) until `signal`; verifies the
 * table each time the runner is caught up at a new position. Throws when the runner fails; returns
 * whether every verification passed.
 */
export async function followProjection(
  runner: ProjectionRunner,
  { verify, print, leaseTtlMs }: FollowOptions,
  signal: AbortSignal,
): Promise<boolean> {
  let allVerified = true;
  let previous: string | undefined;
  let verifiedAt = -1;
  while (!signal.aborted) {
    const status = runner.status();
    if (status.state === 'failed') {
      throw new DemoError('PROJECTION_FAILED', `projection ${status.projection} failed: ${status.error}`);
    }
    const line = progressLine(status, previous, leaseTtlMs);
    if (line !== undefined) {
      print(line);
      previous = line;
    }
    if (status.state === 'live' && status.lagEvents === 0 && status.position !== verifiedAt) {
      try {
        const verification = await verify();
        print(verification.line);
        allVerified &&= verification.ok;
        verifiedAt = verification.position;
      } catch (error) {
        // A database or NATS blip: the runner retries on its own; verify at the next catch-up.
        print(`could not verify now: ${oneLine(error)}`);
      }
    }
    await tick(PROGRESS_INTERVAL_MS, signal);
  }
  return allVerified;
}

function tick(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
