import { describe, expect, it } from 'vitest';
import { parseArguments } from './arguments.js';
import { projectCommand } from './project-arguments.js';

const local = { url: 'nats://127.0.0.1:4222', display: '127.0.0.1:4222' };

describe('project arguments', () => {
  it('reads --database, --schema and --run', () => {
    expect(
      parseArguments([
        'project',
        '--nats',
        '127.0.0.1',
        '--database',
        'postgres://app:secret@db.local:6543/orders',
        '--schema=demo_2',
        '--run',
        'mx7rjnba-e09r',
      ]),
    ).toEqual({
      kind: 'project',
      server: local,
      database: { url: 'postgres://app:secret@db.local:6543/orders', display: 'db.local:6543/orders' },
      schema: 'demo_2',
      run: 'mx7rjnba-e09r',
    });
  });

  it('takes DATABASE_URL, else the local test database, the schema aether_demo and the newest run by default', () => {
    expect(projectCommand(local, {}, {})).toEqual({
      kind: 'project',
      server: local,
      database: { url: 'postgres://postgres@127.0.0.1:5432/test', display: '127.0.0.1:5432/test' },
      schema: 'aether_demo',
      run: undefined,
    });
    expect(projectCommand(local, {}, { DATABASE_URL: 'postgresql://u@h/d' })).toMatchObject({
      database: { url: 'postgresql://u@h/d', display: 'h:5432/d' },
    });
  });

  it.each([
    [
      ['--database', 'mysql://h/d'],
      '--database "mysql://h/d" must use postgres://, not mysql:// (see --help)',
    ],
    [
      ['--database', 'postgres://h'],
      '--database "postgres://h" names no database; expected postgres://user@host:port/database (see --help)',
    ],
    [
      ['--schema', 'Demo; DROP'],
      '--schema must be lower-case letters, digits and _ (at most 63, not starting with a digit), not "Demo; DROP" (see --help)',
    ],
    [
      ['--run', 'latest'],
      '--run must be a run id as --nats and load print it (e.g. mx7rjnba-e09r), not "latest" (see --help)',
    ],
    [['--writers', '3'], '--writers is only for load (see --help)'],
  ])('refuses %j in one line', (args, message) => {
    const parsed = parseArguments(['project', '--nats', '127.0.0.1', ...args]);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && `${parsed.message} (see --help)`).toBe(message);
  });

  it('needs --nats, and --database belongs to project only', () => {
    expect(parseArguments(['project'])).toEqual({
      kind: 'error',
      message: 'project needs --nats <url>, e.g. --nats nats://127.0.0.1:4222',
    });
    expect(parseArguments(['watch', '--nats', '127.0.0.1', '--database', 'postgres://h/d'])).toEqual({
      kind: 'error',
      message: '--database is only for project, clean',
    });
  });
});
