import { describe, expect, it } from 'vitest';
import { parseArguments } from './arguments.js';

const local = { url: 'nats://127.0.0.1:4222', display: '127.0.0.1:4222' };

describe('parseArguments', () => {
  it('runs the in-memory story with no arguments', () => {
    expect(parseArguments([])).toEqual({ kind: 'story' });
  });

  it('asks for help with -h or --help, wherever they are and whatever else is there', () => {
    expect(parseArguments(['--help'])).toEqual({ kind: 'help' });
    expect(parseArguments(['-h'])).toEqual({ kind: 'help' });
    expect(parseArguments(['load', '--writers', 'lots', '--help'])).toEqual({ kind: 'help' });
    expect(parseArguments(['frobnicate', '-h'])).toEqual({ kind: 'help' });
  });

  it('runs the story on NATS with --nats, its value next or after =', () => {
    expect(parseArguments(['--nats', 'nats://127.0.0.1:4222'])).toEqual({
      kind: 'nats-story',
      server: local,
    });
    expect(parseArguments(['--nats=nats://127.0.0.1:4222'])).toEqual({ kind: 'nats-story', server: local });
  });

  it('reads watch and load with their options', () => {
    expect(parseArguments(['watch', '--nats', '127.0.0.1:4222'])).toEqual({
      kind: 'watch',
      server: local,
      from: { kind: 'start' },
      run: undefined,
    });
    expect(parseArguments(['load', '--writers', '3', '--events=20', '--nats', '127.0.0.1'])).toEqual({
      kind: 'load',
      server: local,
      writers: 3,
      events: 20,
      run: undefined,
    });
    expect(parseArguments(['load', '--nats', '127.0.0.1', '--run', 'mx7rjnba-e09r'])).toMatchObject({
      kind: 'load',
      run: 'mx7rjnba-e09r',
    });
  });

  it('reads clean: a dry run by default, removal with --yes, --older-than as typed and in ms', () => {
    expect(parseArguments(['clean', '--nats', '127.0.0.1'])).toEqual({
      kind: 'clean',
      server: local,
      olderThan: undefined,
      confirmed: false,
      database: undefined,
      schema: 'aether_demo',
    });
    expect(parseArguments(['clean', '--yes', '--older-than', '7d', '--nats=127.0.0.1'])).toEqual({
      kind: 'clean',
      server: local,
      olderThan: { text: '7d', ms: 7 * 86_400_000 },
      confirmed: true,
      database: undefined,
      schema: 'aether_demo',
    });
    expect(
      parseArguments(['clean', '--nats=127.0.0.1', '--database', 'postgres://u@h/d', '--schema', 's1']),
    ).toMatchObject({
      kind: 'clean',
      database: { url: 'postgres://u@h/d', display: 'h:5432/d' },
      schema: 's1',
    });
  });

  it("reads watch's --from (start, end or a position) and --run, or the bus view with --bus", () => {
    const watch = (...args: string[]) => parseArguments(['watch', '--nats', '127.0.0.1:4222', ...args]);
    expect(watch('--from', 'start')).toMatchObject({ kind: 'watch', from: { kind: 'start' } });
    expect(watch('--from=end')).toMatchObject({ kind: 'watch', from: { kind: 'end' } });
    expect(watch('--from', '1')).toMatchObject({ from: { kind: 'position', position: 1 } });
    expect(watch('--from', '9007199254740991')).toMatchObject({
      from: { kind: 'position', position: Number.MAX_SAFE_INTEGER },
    });
    expect(watch('--run', 'mx7rjnba-e09r', '--from', '12')).toEqual({
      kind: 'watch',
      server: local,
      from: { kind: 'position', position: 12 },
      run: 'mx7rjnba-e09r',
    });
    expect(watch('--bus')).toEqual({ kind: 'watch-bus', server: local });
  });

  it('reads --older-than in seconds, minutes, hours or days', () => {
    const olderThan = (value: string) =>
      (parseArguments(['clean', '--nats', 'h', '--older-than', value]) as { olderThan?: { ms: number } })
        .olderThan?.ms;
    expect(olderThan('90s')).toBe(90_000);
    expect(olderThan('30m')).toBe(1_800_000);
    expect(olderThan('12h')).toBe(43_200_000);
    expect(olderThan('1d')).toBe(86_400_000);
  });

  it('gives load 4 writers and 50 events each by default, and takes the bounds themselves', () => {
    expect(parseArguments(['load', '--nats', '127.0.0.1'])).toMatchObject({ writers: 4, events: 50 });
    expect(parseArguments(['load', '--nats', '127.0.0.1', '--writers', '1', '--events', '1'])).toMatchObject({
      writers: 1,
      events: 1,
    });
    expect(
      parseArguments(['load', '--nats', '127.0.0.1', '--writers', '32', '--events', '2000']),
    ).toMatchObject({
      writers: 32,
      events: 2000,
    });
  });

  it('keeps credentials in the URL for nats.js but never in what is printed', () => {
    expect(parseArguments(['--nats', 'nats://ada:secret@127.0.0.1:4333'])).toEqual({
      kind: 'nats-story',
      server: { url: 'nats://ada:secret@127.0.0.1:4333', display: '127.0.0.1:4333' },
    });
  });

  it('accepts an IPv6 loopback address', () => {
    expect(parseArguments(['--nats', 'nats://[::1]:4222'])).toEqual({
      kind: 'nats-story',
      server: { url: 'nats://[::1]:4222', display: '[::1]:4222' },
    });
  });
});

describe('parseArguments errors: one line each, naming the argument', () => {
  const cases: Array<[string, string[], string]> = [
    ['an unknown option', ['--frobnicate'], 'unknown argument "--frobnicate"'],
    ['an unknown short option', ['-x'], 'unknown argument "-x"'],
    [
      'an unknown option after a command',
      ['watch', '--nats', 'h', '--verbose'],
      'unknown argument "--verbose"',
    ],
    [
      'an unknown command',
      ['frobnicate'],
      'unknown command "frobnicate"; the commands are watch, load, project and clean',
    ],
    ['a stray argument', ['watch', 'now', '--nats', 'h'], 'unexpected argument "now"'],
    ['a second command', ['watch', 'load'], 'unexpected argument "load"'],
    ['--nats without a value', ['--nats'], '--nats needs a value, e.g. --nats nats://127.0.0.1:4222'],
    [
      '--nats followed by an option',
      ['load', '--nats', '--writers', '2'],
      '--nats needs a value, e.g. --nats nats://127.0.0.1:4222',
    ],
    ['--nats= with nothing', ['--nats='], '--nats needs a value, e.g. --nats nats://127.0.0.1:4222'],
    ['--nats twice', ['--nats', 'a', '--nats', 'b'], '--nats was given twice'],
    ['watch without --nats', ['watch'], 'watch needs --nats <url>, e.g. --nats nats://127.0.0.1:4222'],
    [
      'load without --nats',
      ['load', '--writers', '2'],
      'load needs --nats <url>, e.g. --nats nats://127.0.0.1:4222',
    ],
    ['--writers outside load', ['--writers', '2'], '--writers is only for load'],
    ['--events with watch', ['watch', '--nats', 'h', '--events', '2'], '--events is only for load'],
    ['--from outside watch', ['load', '--nats', 'h', '--from', 'start'], '--from is only for watch'],
    ['--bus outside watch', ['--nats', 'h', '--bus'], '--bus is only for watch'],
    [
      '--run with the story',
      ['--nats', 'h', '--run', 'mx7rjnba-e09r'],
      '--run is only for watch, load, project',
    ],
    ['--bus with a value', ['watch', '--nats', 'h', '--bus=yes'], '--bus takes no value, not "--bus=yes"'],
    ['--from without a value', ['watch', '--nats', 'h', '--from'], '--from needs a value, e.g. --from start'],
    ...(['beginning', '0', '-3', '1.5', '1e3', '+2', ' 5', '9007199254740992'] as const).map(
      (value): [string, string[], string] => [
        `--from ${JSON.stringify(value)}`,
        ['watch', '--nats', 'h', '--from', value],
        `--from must be start, end or a position (a whole number from 1), not ${JSON.stringify(value)}`,
      ],
    ),
    [
      '--run that is not a run id',
      ['watch', '--nats', 'h', '--run', 'aether-demo-mx7rjnba-e09r'],
      '--run must be a run id as --nats and load print it (e.g. mx7rjnba-e09r), not "aether-demo-mx7rjnba-e09r"',
    ],
    [
      '--from with --bus',
      ['watch', '--nats', 'h', '--bus', '--from', 'end'],
      "--from reads a run's log; --bus has no log, leave one of them out",
    ],
    [
      '--run with --bus',
      ['watch', '--nats', 'h', '--run', 'mx7rjnba-e09r', '--bus'],
      "--run reads a run's log; --bus has no log, leave one of them out",
    ],
    [
      '--writers without a value',
      ['load', '--nats', 'h', '--writers'],
      '--writers needs a value, e.g. --writers 4',
    ],
    [
      '--events without a value',
      ['load', '--nats', 'h', '--events='],
      '--events needs a value, e.g. --events 50',
    ],
    [
      '--writers twice',
      ['load', '--nats', 'h', '--writers', '2', '--writers=3'],
      '--writers was given twice',
    ],
    [
      'zero writers',
      ['load', '--nats', 'h', '--writers', '0'],
      '--writers must be a whole number from 1 to 32, not "0"',
    ],
    [
      'too many writers',
      ['load', '--nats', 'h', '--writers', '33'],
      '--writers must be a whole number from 1 to 32, not "33"',
    ],
    [
      'a fraction',
      ['load', '--nats', 'h', '--events', '1.5'],
      '--events must be a whole number from 1 to 2000, not "1.5"',
    ],
    [
      'a word',
      ['load', '--nats', 'h', '--events', 'many'],
      '--events must be a whole number from 1 to 2000, not "many"',
    ],
    [
      'a negative count',
      ['load', '--nats', 'h', '--events=-3'],
      '--events must be a whole number from 1 to 2000, not "-3"',
    ],
    [
      'a negative count as the next argument',
      ['load', '--nats', 'h', '--events', '-3'],
      '--events must be a whole number from 1 to 2000, not "-3"',
    ],
    [
      'negative writers as the next argument',
      ['load', '--nats', 'h', '--writers', '-1'],
      '--writers must be a whole number from 1 to 32, not "-1"',
    ],
    [
      'a negative fraction as the next argument',
      ['load', '--nats', 'h', '--writers', '-1.5'],
      '--writers must be a whole number from 1 to 32, not "-1.5"',
    ],
    [
      'clean without --nats',
      ['clean', '--yes'],
      'clean needs --nats <url>, e.g. --nats nats://127.0.0.1:4222',
    ],
    ['--yes outside clean', ['load', '--nats', 'h', '--yes'], '--yes is only for clean'],
    ['--older-than outside clean', ['--older-than', '1d'], '--older-than is only for clean'],
    ['--yes with a value', ['clean', '--nats', 'h', '--yes=no'], '--yes takes no value, not "--yes=no"'],
    ['--yes twice', ['clean', '--nats', 'h', '--yes', '--yes'], '--yes was given twice'],
    ['a value after --yes', ['clean', '--nats', 'h', '--yes', 'please'], 'unexpected argument "please"'],
    [
      '--older-than without a value',
      ['clean', '--nats', 'h', '--older-than', '--yes'],
      '--older-than needs a value, e.g. --older-than 7d',
    ],
    ...['7', '7 d', '1w', '-1d', '0d', '1.5h', 'd', `${'9'.repeat(20)}d`].map(
      (value): [string, string[], string] => [
        `--older-than ${JSON.stringify(value)}`,
        ['clean', '--nats', 'h', '--older-than', value],
        `--older-than must be a whole number followed by s, m, h or d (e.g. 7d, 12h), not ${JSON.stringify(value)}`,
      ],
    ),
    [
      'too many events',
      ['load', '--nats', 'h', '--events', '2001'],
      '--events must be a whole number from 1 to 2000, not "2001"',
    ],
    [
      'a huge count',
      ['load', '--nats', 'h', '--events', '9'.repeat(20)],
      `--events must be a whole number from 1 to 2000, not "${'9'.repeat(20)}"`,
    ],
    [
      'another scheme',
      ['--nats', 'http://127.0.0.1:4222'],
      '--nats "http://127.0.0.1:4222" must use nats://, not http://',
    ],
    [
      'tls://',
      ['--nats', 'tls://127.0.0.1:4222'],
      '--nats "tls://127.0.0.1:4222" must use nats://, not tls://',
    ],
    [
      'a port that is not a number',
      ['--nats', 'nats://127.0.0.1:abc'],
      '--nats "nats://127.0.0.1:abc" is not a valid URL; expected nats://host:port',
    ],
    [
      'a port out of range',
      ['--nats', '127.0.0.1:70000'],
      '--nats "127.0.0.1:70000" is not a valid URL; expected nats://host:port',
    ],
    [
      'port 0',
      ['--nats', 'nats://127.0.0.1:0'],
      '--nats "nats://127.0.0.1:0" has port 0; ports go from 1 to 65535',
    ],
    [
      'no host',
      ['--nats', 'nats://:4222'],
      '--nats "nats://:4222" is not a valid URL; expected nats://host:port',
    ],
    [
      'a path',
      ['--nats', 'nats://127.0.0.1:4222/orders'],
      '--nats "nats://127.0.0.1:4222/orders" must be nats://host:port, with nothing after the port',
    ],
    [
      'a query',
      ['--nats', 'nats://127.0.0.1:4222?x=1'],
      '--nats "nats://127.0.0.1:4222?x=1" must be nats://host:port, with nothing after the port',
    ],
  ];

  it.each(cases)('%s', (_name, argv, message) => {
    expect(parseArguments(argv)).toEqual({ kind: 'error', message });
  });
});
