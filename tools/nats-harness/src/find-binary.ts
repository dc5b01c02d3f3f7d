import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where Debian's `nats-server` package puts the binary; `/usr/sbin` is not on every user's PATH. */
export const DEBIAN_NATS_SERVER = '/usr/sbin/nats-server';

export const INSTALL_HINT =
  'Install it with `apt-get install nats-server` (Debian/Ubuntu), or download a release from ' +
  'https://github.com/nats-io/nats-server/releases and put it on PATH (or set NATS_SERVER_BIN to its path). ' +
  'Alternatively set NATS_URL to a running `nats-server -js` and the tests will use that.';

export class NatsServerNotFoundError extends Error {
  readonly code = 'NATS_SERVER_NOT_FOUND';

  constructor(searched: readonly string[]) {
    super(`nats-server was not found (looked in: ${searched.join(', ') || 'nowhere'}). ${INSTALL_HINT}`);
    this.name = 'NatsServerNotFoundError';
  }
}

export interface FindBinaryOptions {
  /** An explicit path; wins over everything else. */
  binary?: string | undefined;
  /** Defaults to `process.env`: reads `NATS_SERVER_BIN` and `PATH`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Tried after PATH; defaults to `[DEBIAN_NATS_SERVER]`. */
  fallbacks?: readonly string[];
}

/**
 * The path of a runnable `nats-server`: `binary`, else `$NATS_SERVER_BIN`, else the first on PATH,
 * else `/usr/sbin/nats-server`. Throws `NatsServerNotFoundError` saying how to install one.
 */
export function findNatsServer(options: FindBinaryOptions = {}): string {
  const env = options.env ?? process.env;
  const explicit = options.binary ?? env.NATS_SERVER_BIN;
  const candidates =
    explicit !== undefined && explicit !== ''
      ? [explicit]
      : [
          ...(env.PATH ?? '')
            .split(delimiter)
            .filter((dir) => dir !== '')
            .map((dir) => join(dir, 'nats-server')),
          ...(options.fallbacks ?? [DEBIAN_NATS_SERVER]),
        ];
  const found = candidates.find(isExecutable);
  if (found === undefined) throw new NatsServerNotFoundError(candidates);
  return found;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
