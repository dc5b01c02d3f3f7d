import { ArgumentError } from './argument-error.js';
import type { Command, OptionName } from './arguments.js';
import type { NatsServer } from './nats-url.js';
import { isRunId } from './run-names.js';
import { parseWatchStart, WATCH_FROM_DEFAULT, type WatchStart } from './watch-start.js';

/** `watch`: a run's log (`--from`, `--run`), or the bus with `--bus`. */
export function watchCommand(server: NatsServer, values: Partial<Record<OptionName, string>>): Command {
  if (values.bus !== undefined) {
    // The bus keeps no history and carries every run: there is nothing to start from or pick.
    for (const name of ['from', 'run'] as const) {
      if (values[name] !== undefined)
        throw new ArgumentError(`--${name} reads a run's log; --bus has no log, leave one of them out`);
    }
    return { kind: 'watch-bus', server };
  }
  return {
    kind: 'watch',
    server,
    from: values.from === undefined ? WATCH_FROM_DEFAULT : watchStart(values.from),
    run: values.run === undefined ? undefined : runIdArgument(values.run),
  };
}

function watchStart(text: string): WatchStart {
  const start = parseWatchStart(text);
  if (start === undefined) {
    throw new ArgumentError(
      `--from must be start, end or a position (a whole number from 1), not ${JSON.stringify(text)}`,
    );
  }
  return start;
}

/** `--run` (watch, load): a run id as the demo prints them. */
export function runIdArgument(text: string): string {
  if (!isRunId(text)) {
    throw new ArgumentError(
      `--run must be a run id as --nats and load print it (e.g. mx7rjnba-e09r), not ${JSON.stringify(text)}`,
    );
  }
  return text;
}
