import { LOAD_LIMITS } from './limits.js';
import { type NatsServer, parseNatsUrl } from './nats-url.js';

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'story' }
  | { kind: 'nats-story'; server: NatsServer }
  | { kind: 'watch'; server: NatsServer }
  | { kind: 'load'; server: NatsServer; writers: number; events: number };

export type ParsedArguments = Command | { kind: 'error'; message: string };

type Mode = 'story' | 'watch' | 'load';
type OptionName = 'nats' | 'writers' | 'events';

const commands: readonly string[] = ['watch', 'load'];
const optionModes: Record<OptionName, readonly Mode[]> = {
  nats: ['story', 'watch', 'load'],
  writers: ['load'],
  events: ['load'],
};

class ArgumentError extends Error {}

/**
 * Parses `aether-demo [watch | load] [options]`. Options take their value as the next argument
 * or after `=` (`--writers 3`, `--writers=3`). `-h`/`--help` anywhere wins over everything else.
 * Every mistake becomes one line that names the argument and says what was expected.
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
    if (!commands.includes(first)) {
      throw new ArgumentError(`unknown command ${JSON.stringify(first)}; the commands are watch and load`);
    }
    mode = first as Mode;
    rest = argv.slice(1);
  }
  const values = readOptions(rest, mode);

  const server = values.nats === undefined ? undefined : natsServer(values.nats);
  if (mode === 'story') return server === undefined ? { kind: 'story' } : { kind: 'nats-story', server };
  if (server === undefined)
    throw new ArgumentError(`${mode} needs --nats <url>, e.g. --nats nats://127.0.0.1:4222`);
  if (mode === 'watch') return { kind: 'watch', server };
  return {
    kind: 'load',
    server,
    writers: count('writers', values.writers, LOAD_LIMITS.writers),
    events: count('events', values.events, LOAD_LIMITS.events),
  };
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
    if (!optionModes[name].includes(mode)) {
      throw new ArgumentError(`--${name} is only for ${optionModes[name].join(', ')}`);
    }
    if (values[name] !== undefined) throw new ArgumentError(`--${name} was given twice`);
    let value: string | undefined;
    if (equals !== -1) {
      value = arg.slice(equals + 1);
    } else {
      const next = args[index + 1];
      if (next !== undefined && !next.startsWith('-')) {
        value = next;
        index++;
      }
    }
    if (value === undefined || value === '')
      throw new ArgumentError(`--${name} needs a value, e.g. ${example[name]}`);
    values[name] = value;
  }
  return values;
}

const example: Record<OptionName, string> = {
  nats: '--nats nats://127.0.0.1:4222',
  writers: `--writers ${LOAD_LIMITS.writers.default}`,
  events: `--events ${LOAD_LIMITS.events.default}`,
};

function isOption(name: string): name is OptionName {
  return Object.hasOwn(optionModes, name);
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
