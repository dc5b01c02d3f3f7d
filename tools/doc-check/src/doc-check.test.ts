import { describe, expect, it } from 'vitest';
import { documentedNames, exportedNames } from './api-list.js';
import { expectReadmeExample, readmeBlock, readmeOf } from './index.js';

const fence = '```';
const readme = [
  '# pkg',
  '<!-- example:start -->',
  `${fence}ts`,
  "import { a } from '@aether/pkg';",
  'a();',
  fence,
  '<!-- example:end -->',
  '<!-- api:start -->',
  '- `a`: does a',
  '- `B`: a type',
  '<!-- api:end -->',
].join('\n');

describe('readmeBlock', () => {
  it('returns the body of the fenced block between the markers', () => {
    expect(readmeBlock(readme, 'example', 'ts')).toBe("import { a } from '@aether/pkg';\na();");
  });

  it('fails when a marker is missing', () => {
    expect(() => readmeBlock(readme, 'missing', 'ts')).toThrow(/marker <!-- missing:start -->/);
  });

  it('fails when the block has another language', () => {
    expect(() => readmeBlock(readme, 'example', 'text')).toThrow(/a single ```text block/);
  });
});

describe('expectReadmeExample', () => {
  const source = "// README:start\nimport { a } from '../index.js';\na();\n// README:end\nexport {};\n";

  it('accepts the README region with the package import', () => {
    expectReadmeExample({ readme, source, packageName: '@aether/pkg' });
  });

  it('rejects a README that differs', () => {
    expect(() =>
      expectReadmeExample({ readme, source: source.replace('a();', 'a(1);'), packageName: '@aether/pkg' }),
    ).toThrow();
  });

  it('compares the whole file when region is false', () => {
    const whole = "import { a } from '../index.js';\na();\n";
    expectReadmeExample({ readme, source: whole, packageName: '@aether/pkg', region: false });
  });
});

it('reads the exported and the documented names', () => {
  expect([...exportedNames("export { a } from './a.js';\nexport type { B, type C } from './b.js';")]).toEqual(
    ['a', 'B', 'C'],
  );
  expect([...documentedNames(readme)]).toEqual(['a', 'B']);
  const withDigits = '<!-- api:start -->\n- `uuidV7` — a name with a digit\n<!-- api:end -->';
  expect([...documentedNames(withDigits)]).toEqual(['uuidV7']);
});

describe('readmeOf', () => {
  it("reads a package's README through the package.json it exports", () => {
    expect(readmeOf('@aether/doc-check', import.meta.url)).toMatch(/^# @aether\/doc-check/);
  });

  it('fails for a package the caller cannot import', () => {
    expect(() => readmeOf('@aether/no-such-package', import.meta.url)).toThrow(/no-such-package/);
  });
});
