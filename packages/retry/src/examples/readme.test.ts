import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleOutputs } from './outputs.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const readme = read('../../README.md');
const indexSource = read('../index.ts');

/** The text between two markers, trimmed; fails the test when a marker is missing. */
function between(text: string, startMarker: string, endMarker: string): string {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker, start + startMarker.length);
  expect(start, `marker ${startMarker}`).toBeGreaterThanOrEqual(0);
  expect(end, `marker ${endMarker}`).toBeGreaterThan(start);
  return text.slice(start + startMarker.length, end).trim();
}

/** The body of the single fenced block (```lang ... ```) that `section` is. */
function fencedBlock(section: string, lang: string): string {
  const match = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\`$`).exec(section);
  expect(match, `a single \`\`\`${lang} block`).not.toBeNull();
  return (match as RegExpExecArray)[1] as string;
}

describe('README examples', () => {
  it.each(Object.keys(exampleOutputs))(
    'the %s block is src/examples/%s.ts, importing @aether/retry',
    (name) => {
      const fromFile = between(read(`./${name}.ts`), '// README:start', '// README:end');
      expect(fromFile).toContain("from '../index.js'");
      const shown = fencedBlock(
        between(readme, `<!-- example:${name}:start -->`, `<!-- example:${name}:end -->`),
        'ts',
      );
      expect(shown).toBe(fromFile.replaceAll("from '../index.js'", "from '@aether/retry'"));
    },
  );

  it.each(Object.keys(exampleOutputs))('the %s output block is what its main() returns', (name) => {
    const shown = fencedBlock(
      between(readme, `<!-- output:${name}:start -->`, `<!-- output:${name}:end -->`),
      'text',
    );
    expect(shown).toBe(exampleOutputs[name]?.join('\n'));
  });

  it('has an example for every pattern of the table', () => {
    expect(Object.keys(exampleOutputs)).toEqual([
      'simple',
      'conflict-details',
      'jitter',
      'adaptive',
      'retry-queue',
      'circuit-breaker',
    ]);
  });
});

describe('README API list', () => {
  const exported = new Set(
    [...indexSource.matchAll(/export(?: type)? \{([^}]*)\}/g)].flatMap((match) =>
      (match[1] as string)
        .split(',')
        .map((name) => name.replace(/^\s*type\s+/, '').trim())
        .filter((name) => name.length > 0),
    ),
  );
  const documented = new Set(
    [...between(readme, '<!-- api:start -->', '<!-- api:end -->').matchAll(/^- `([A-Za-z_]+)/gm)].map(
      (match) => match[1] as string,
    ),
  );

  it('reads the exports of index.ts', () => {
    expect(exported.has('retry')).toBe(true);
    expect(exported.has('RetryOptions')).toBe(true);
  });

  it('documents every export of @aether/retry', () => {
    expect([...exported].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('documents nothing that is not exported', () => {
    expect([...documented].filter((name) => !exported.has(name))).toEqual([]);
  });
});
