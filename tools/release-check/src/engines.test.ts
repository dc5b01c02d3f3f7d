import { describe, expect, it } from 'vitest';
import { narrowerEngines, packagesRefusing } from './engines.js';
import type { InstalledPackage } from './installed-packages.js';
import type { Manifest } from './workspace.js';

const at = (
  dir: string,
  name: string,
  version: string,
  fields: Partial<Manifest> = {},
): InstalledPackage => ({
  name,
  version,
  dir,
  manifest: { name, version, ...fields },
});

// node_modules as npm lays it out: the store hoisted, one dependency nested under the other.
const store = at('/p/node_modules/@aether/store', '@aether/store', '0.1.0', {
  engines: { node: '^22.12.0 || >=24.0.0' },
  dependencies: { client: '1.0.0' },
});
const client = at('/p/node_modules/client', 'client', '1.0.0', {
  engines: { node: '>=18' },
  dependencies: { nuid: '3.0.0' },
});
const nuid = at('/p/node_modules/client/node_modules/nuid', 'nuid', '3.0.0', {
  engines: { node: '>= 22.x' },
});
const strayNuid = at('/p/node_modules/nuid', 'nuid', '2.0.0', { engines: { node: '>= 23' } });
const core = at('/p/node_modules/@aether/core', '@aether/core', '0.1.0', {
  engines: { node: '^20.19.0 || ^22.12.0 || >=24.0.0' },
});

describe('packagesRefusing', () => {
  it('names the installed packages whose engines refuse a Node version, as npm judges them', () => {
    expect(packagesRefusing('20.20.2', [store, client, nuid, core])).toEqual([
      '@aether/store@0.1.0',
      'nuid@3.0.0',
    ]);
    expect(packagesRefusing('22.12.0', [store, client, nuid, core])).toEqual([]);
    expect(packagesRefusing('24.1.0-nightly20260101', [core])).toEqual([]); // npm accepts pre-releases too
  });
});

describe('narrowerEngines', () => {
  it('accepts dependencies, however deep, that support every Node version their dependent declares', () => {
    expect(narrowerEngines([store, core], [store, client, nuid, strayNuid, core])).toEqual([]);
  });

  it('names a dependency that refuses a Node version its dependent supports', () => {
    const onTwenty = {
      ...store,
      manifest: { ...store.manifest, engines: { node: '^20.19.0 || >=22.12.0' } },
    };
    expect(narrowerEngines([onTwenty], [onTwenty, client, nuid])).toEqual([
      '@aether/store supports Node ^20.19.0 || >=22.12.0, but nuid@3.0.0 only >= 22.x',
    ]);
  });

  it('asks every package of ours to declare its engines', () => {
    const bare = at('/p/node_modules/@aether/bare', '@aether/bare', '0.1.0');
    expect(narrowerEngines([bare], [bare])).toEqual(['@aether/bare declares no engines.node']);
  });
});
