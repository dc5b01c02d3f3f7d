import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles } from './package-files.js';
import { makeScratchDir, removeScratchDir } from './scratch-dir.js';
import { missingExportTargets, sourceMapProblems, workspaceSpecifiers } from './tarball-checks.js';

describe('workspaceSpecifiers', () => {
  it('lists every workspace: specifier left in any dependency field', () => {
    const manifest = {
      name: '@aether/store',
      version: '0.1.0',
      dependencies: { '@aether/core': '^0.1.0', other: 'workspace:^' },
      devDependencies: { '@aether/tool': 'workspace:*' },
    };
    expect(workspaceSpecifiers(manifest)).toEqual([
      'dependencies: other@workspace:^',
      'devDependencies: @aether/tool@workspace:*',
    ]);
  });
});

describe('missingExportTargets', () => {
  it('lists the targets of every subpath and condition that the package lacks, leaving patterns aside', () => {
    const manifest = {
      name: 'x',
      version: '1.0.0',
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './adapter': { types: './dist/adapter.d.ts', default: './dist/adapter.js' },
        './features/*': './dist/features/*.js',
        './package.json': './package.json',
      },
    };
    expect(
      missingExportTargets(manifest, ['dist/index.d.ts', 'dist/index.js', 'dist/adapter.js', 'package.json']),
    ).toEqual(['dist/adapter.d.ts']);
  });
});

describe('sourceMapProblems', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeScratchDir('map-check');
  });
  afterEach(() => removeScratchDir(dir));

  const write = async (file: string, text: string) => {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  };
  const map = (sources: string[], sourcesContent?: string[]) =>
    JSON.stringify({ version: 3, sources, sourcesContent, mappings: '' });

  it('accepts maps whose sources are inline or shipped', async () => {
    await write('dist/a.js', 'x;\n//# sourceMappingURL=a.js.map');
    await write('dist/a.js.map', map(['../src/a.ts'], ['const a = 1;']));
    await write('dist/b.js', 'y;\n//# sourceMappingURL=b.js.map\n');
    await write('dist/b.js.map', map(['../src/b.ts']));
    await write('src/b.ts', 'const b = 2;');
    expect(await sourceMapProblems(dir, await listFiles(dir))).toEqual([]);
  });

  it('names a map source that is neither inline nor shipped, and a map that is not shipped', async () => {
    await write('dist/a.js', 'x;\n//# sourceMappingURL=a.js.map');
    await write('dist/a.js.map', map(['../src/a.ts']));
    await write('dist/c.js', 'z;\n//# sourceMappingURL=c.js.map');
    expect(await sourceMapProblems(dir, await listFiles(dir))).toEqual([
      'dist/c.js points at dist/c.js.map, which is not in the package',
      'dist/a.js.map maps to src/a.ts, neither inline nor in the package',
    ]);
  });
});
