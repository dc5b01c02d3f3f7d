import { ArgumentError } from './argument-error.js';
import type { Database } from './database-url.js';
import { DURATION_UNITS, parseDuration } from './duration.js';
import { LOAD_LIMITS } from './limits.js';
import { type NatsServer, parseNatsUrl } from './nats-url.js';
import { databaseArgument, projectCommand, schemaArgument } from './project-arguments.js';
import { DEFAULT_DEMO_SCHEMA } from './summaries-table.js';
import { runIdArgument, watchCommand } from './watch-arguments.js';
import type { WatchStart } from './watch-start.js';

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'story' }
  | { kind: 'nats-story'; server: NatsServer }
  /** `run`: the run whose log to follow; `undefined`: the newest run on the server. */
  | { kind: 'watch'; server: NatsServer; from: WatchStart; run: string | undefined }
  | { kind: 'watch-bus'; server: NatsServer }
  /** `run`: a run to add the load to; `undefined`: a new run. */
  | { kind: 'load'; server: NatsServer; writers: number; events: number; run: string | undefined }
  | {
      kind: 'clean';
      server: NatsServer;
      olderThan: OlderThan | undefined;
      confirmed: boolean;
      /** `--database`: also the runs' order summaries there; `undefined`: PostgreSQL is left alone. */
      database: Database | undefined;
      schema: string;
    }
  /** `run`: the run whose log to project; `undefined`: the newest run on the server. */
  | { kind: 'project'; server: NatsServer; database: Database; schema: string; run: string | undefined };

/** `--older-than`: as typed (for messages) and in milliseconds. */
export interface OlderThan {
  text: string;
  ms: number;
}

export type ParsedArguments = Command | { kind: 'error'; message: string };

type Mode = 'story' | 'watch' | 'load' | 'project' | 'clean';
export type OptionName =
  | 'nats'
  | 'writers'
  | 'events'
  | 'older-than'
  | 'yes'
  | 'from'
  | 'run'
  | 'bus'
  | 'database'
  | 'schema';

const commands: readonly Mode[] = ['watch', 'load', 'project', 'clean'];

/** Which modes take each option, and how a value looks (`undefined`: a flag, which takes none). */
const options: Record<OptionName, { modes: readonly Mode[]; example: string | undefined }> = {
  nats: { modes: ['story', 'watch', 'load', 'project', 'clean'], example: '--nats nats://127.0.0.1:4222' },
  writers: { modes: ['load'], example: `--writers ${LOAD_LIMITS.writers.default}` },
  events: { modes: ['load'], example: `--events ${LOAD_LIMITS.events.default}` },
  'older-than': { modes: ['clean'], example: '--older-than 7d' },
  yes: { modes: ['clean'], example: undefined },
  from: { modes: ['watch'], example: '--from start' },
  run: { modes: ['watch', 'load', 'project'], example: '--run mx7rjnba-e09r' },
  bus: { modes: ['watch'], example: undefined },
  database: { modes: ['project', 'clean'], example: '--database postgres://postgres@127.0.0.1:5432/test' },
  schema: { modes: ['project', 'clean'], example: '--schema aether_demo' },
};

/**
 * Parses `aether-demo [watch | load | project | clean] [options]`. Options take their value as the next
 * argument or after `=` (`--writers 3`, `--writers=3`); flags (`--yes`) take none. `-h`/`--help`
 * anywhere wins over everything else. Every mistake becomes one line that names the argument and
 * says what was expected.
 */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  try {
    return parse(argv);
  } catch (error) {
    if (error instanceof ArgumentError) return { kind: 'error', message: error.message };
    throw error;
  }
}

function parse(argv: readonly string[]): Command {
  let rest = argv;
  let mode: Mode = 'story';
  const [first] = argv;
  if (first !== undefined && !first.startsWith('-')) {
    if (!commands.includes(first as Mode)) {
      throw new ArgumentError(
        `unknown command ${JSON.stringify(first)}; the commands are watch, load, project and clean`,
      );
    }
    mode = first as Mode;
    rest = argv.slice(1);
  }
  const values = readOptions(rest, mode);

  const server = values.nats === undefined ? undefined : natsServer(values.nats);
  if (mode === 'story') return server === undefined ? { kind: 'story' } : { kind: 'nats-story', server };
  if (server === undefined)
    throw new ArgumentError(`${mode} needs --nats <url>, e.g. --nats nats://127.0.0.1:4222`);
  switch (mode) {
    case 'watch':
      return watchCommand(server, values);
    case 'project':
      return projectCommand(server, values);
    case 'load':
      return {
        kind: 'load',
        server,
        writers: count('writers', values.writers, LOAD_LIMITS.writers),
        events: count('events', values.events, LOAD_LIMITS.events),
        run: values.run === undefined ? undefined : runIdArgument(values.run),
      };
    case 'clean':
      return {
        kind: 'clean',
        server,
        olderThan: values['older-than'] === undefined ? undefined : olderThan(values['older-than']),
        confirmed: values.yes !== undefined,
        database: values.database === undefined ? undefined : databaseArgument(values.database),
        schema: values.schema === undefined ? DEFAULT_DEMO_SCHEMA : schemaArgument(values.schema),
      };
  }
}

function readOptions(args: readonly string[], mode: Mode): Partial<Record<OptionName, string>> {
  const values: Partial<Record<OptionName, string>> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (!arg.startsWith('--')) {
      throw new ArgumentError(
        arg.startsWith('-')
          ? `unknown argument ${JSON.stringify(arg)}`
          : `unexpected argument ${JSON.stringify(arg)}`,
      );
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    if (!isOption(name)) throw new ArgumentError(`unknown argument ${JSON.stringify(arg)}`);
    const { modes, example } = options[name];
    if (!modes.includes(mode)) throw new ArgumentError(`--${name} is only for ${modes.join(', ')}`);
    if (values[name] !== undefined) throw new ArgumentError(`--${name} was given twice`);
    if (example === undefined) {
      if (equals !== -1) throw new ArgumentError(`--${name} takes no value, not ${JSON.stringify(arg)}`);
      values[name] = '';
      continue;
    }
    let value: string | undefined;
    if (equals !== -1) {
      value = arg.slice(equals + 1);
    } else {
      const next = args[index + 1];
      if (next !== undefined && isValue(next)) {
        value = next;
        index++;
      }
    }
    if (value === undefined || value === '')
      throw new ArgumentError(`--${name} needs a value, e.g. ${example}`);
    values[name] = value;
  }
  return values;
}

/** The argument after an option is its value unless it is an option itself; `-3` is a (bad) number. */
function isValue(next: string): boolean {
  return !next.startsWith('-') || /^-\d/.test(next);
}

function isOption(name: string): name is OptionName {
  return Object.hasOwn(options, name);
}

function natsServer(value: string): NatsServer {
  const parsed = parseNatsUrl(value);
  if ('error' in parsed) throw new ArgumentError(parsed.error);
  return parsed;
}

function count(
  name: OptionName,
  value: string | undefined,
  limits: { max: number; default: number },
): number {
  if (value === undefined) return limits.default;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1 || number > limits.max) {
    throw new ArgumentError(
      `--${name} must be a whole number from 1 to ${limits.max}, not ${JSON.stringify(value)}`,
    );
  }
  return number;
}

function olderThan(text: string): OlderThan {
  const ms = parseDuration(text);
  if (ms === undefined) {
    throw new ArgumentError(
      `--older-than must be a whole number followed by ${DURATION_UNITS} (e.g. 7d, 12h), not ${JSON.stringify(text)}`,
    );
  }
  return { text, ms };
}
