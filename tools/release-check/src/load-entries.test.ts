import { describe, expect, it } from 'vitest';
import { entrySpecifiers } from './load-entries.js';

const installed = (exports: unknown) => ({
  name: '@aether/core',
  version: '0.1.0',
  dir: '/p/node_modules/@aether/core',
  manifest: { name: '@aether/core', version: '0.1.0', exports },
});

describe('entrySpecifiers', () => {
  it('offers the package and each subpath of its exports map, but package.json and patterns', () => {
    const exports = {
      '.': './dist/index.js',
      './adapter': './dist/adapter.js',
      './package.json': './package.json',
      './x/*': './dist/x/*.js',
    };
    expect(entrySpecifiers(installed(exports))).toEqual(['@aether/core', '@aether/core/adapter']);
  });

  it('offers the package alone when exports is one target or a map of conditions', () => {
    expect(entrySpecifiers(installed('./dist/index.js'))).toEqual(['@aether/core']);
    expect(entrySpecifiers(installed({ types: './dist/index.d.ts', default: './dist/index.js' }))).toEqual([
      '@aether/core',
    ]);
  });
});
