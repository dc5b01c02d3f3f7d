import type { ReleaseType } from 'semver';
import { describe, expect, it } from 'vitest';
import { declaredRange, expectedVersions } from './expected-versions.js';
import type { PendingChangeset } from './pending-changesets.js';
import type { Manifest } from './workspace.js';

const changeset = (bumps: Record<string, ReleaseType>): PendingChangeset => ({
  file: 'x.md',
  bumps: new Map(Object.entries(bumps)),
  summary: 'x',
});
const pkg = (name: string, version: string, fields: Partial<Manifest> = {}): Manifest => ({
  name,
  version,
  ...fields,
});
const versions = (...args: Parameters<typeof expectedVersions>) =>
  Object.fromEntries(expectedVersions(...args));

describe('expectedVersions', () => {
  it('gives a package the highest bump its changesets ask for: first releases go from 0.0.0 to 0.1.0', () => {
    const packages = [pkg('core', '0.0.0'), pkg('other', '1.2.3')];
    expect(versions(packages, [changeset({ core: 'patch' }), changeset({ core: 'minor' })])).toEqual({
      core: '0.1.0',
      other: '1.2.3',
    });
  });

  it('patches a dependent whose workspace:^ range the new version leaves (a minor bump on 0.x)', () => {
    const packages = [pkg('core', '0.1.0'), pkg('store', '0.1.0', { dependencies: { core: 'workspace:^' } })];
    expect(versions(packages, [changeset({ core: 'minor' })])).toEqual({ core: '0.2.0', store: '0.1.1' });
  });

  it('leaves a dependent alone while its range still accepts the new version', () => {
    const packages = [pkg('core', '1.1.0'), pkg('store', '1.0.0', { dependencies: { core: 'workspace:^' } })];
    expect(versions(packages, [changeset({ core: 'minor' })])).toEqual({ core: '1.2.0', store: '1.0.0' });
  });

  it('follows the dependency graph: a patched dependent can leave its own dependents ranges', () => {
    const packages = [
      pkg('core', '0.0.1'),
      pkg('store', '0.0.1', { dependencies: { core: 'workspace:^' } }),
      pkg('app', '0.0.1', { dependencies: { store: 'workspace:^' } }),
    ];
    expect(versions(packages, [changeset({ core: 'patch' })])).toEqual({
      core: '0.0.2',
      store: '0.0.2',
      app: '0.0.2',
    });
  });

  it('never bumps for devDependencies, nor moves an ignored package', () => {
    const packages = [
      pkg('core', '0.1.0'),
      pkg('tool', '0.0.0', { devDependencies: { core: 'workspace:*' } }),
      pkg('demo', '0.0.0', { dependencies: { core: 'workspace:^' } }),
    ];
    expect(versions(packages, [changeset({ core: 'minor', demo: 'minor' })], ['demo'])).toEqual({
      core: '0.2.0',
      tool: '0.0.0',
      demo: '0.0.0',
    });
  });

  it('refuses workspace packages that are peer dependencies of each other, which it does not model', () => {
    const packages = [
      pkg('core', '0.1.0'),
      pkg('kit', '0.1.0', { peerDependencies: { core: 'workspace:^' } }),
    ];
    expect(() => expectedVersions(packages, [])).toThrow(
      'kit has the workspace package core as a peer dependency',
    );
  });
});

describe('declaredRange', () => {
  it('reads workspace: specifiers as pnpm publishes them', () => {
    expect(declaredRange('workspace:^', '0.1.0')).toBe('^0.1.0');
    expect(declaredRange('workspace:~', '0.1.0')).toBe('~0.1.0');
    expect(declaredRange('workspace:*', '0.1.0')).toBe('0.1.0');
    expect(declaredRange('workspace:>=0.1.0', '0.1.0')).toBe('>=0.1.0');
    expect(declaredRange('^2.0.0', '0.1.0')).toBe('^2.0.0');
  });
});
