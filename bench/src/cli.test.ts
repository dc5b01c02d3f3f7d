import { describe, expect, it } from 'vitest';
import { parseCli, unknownGroups } from './cli.js';

describe('parseCli', () => {
  it('runs every group and writes files by default', () => {
    expect(parseCli([])).toEqual({ only: [], write: true, render: false, help: false });
  });

  it('takes groups from repeated --only flags and comma lists, ignoring blanks', () => {
    expect(parseCli(['--only', 'jetstream, in-memory', '--only', 'nats-bus,']).only).toEqual([
      'jetstream',
      'in-memory',
      'nats-bus',
    ]);
  });

  it('ignores the -- that `pnpm bench -- --flag` passes on', () => {
    expect(parseCli(['--', '--no-write', '--help'])).toMatchObject({ write: false, help: true });
  });

  it('reads --render', () => {
    expect(parseCli(['--render']).render).toBe(true);
  });

  it('refuses an unknown flag', () => {
    expect(() => parseCli(['--fast'])).toThrow(TypeError);
  });
});

describe('unknownGroups', () => {
  it('names the groups that do not exist, in the order given', () => {
    expect(unknownGroups(['jetstream', 'mongo', 'kafka'], ['in-memory', 'jetstream'])).toEqual([
      'mongo',
      'kafka',
    ]);
  });

  it('is empty when every name is a group', () => {
    expect(unknownGroups(['jetstream'], ['in-memory', 'jetstream'])).toEqual([]);
  });
});
