import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from './readme-example.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const exampleSource = readFileSync(new URL('./readme-example.ts', import.meta.url), 'utf8');
const indexSource = readFileSync(new URL('../index.ts', import.meta.url), 'utf8');

/** The text between `startMarker` and `endMarker`, trimmed; fails the test when a marker is missing. */
function between(text: string, startMarker: string, endMarker: string): string {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker, start + startMarker.length);
  expect(start, `marker ${startMarker}`).toBeGreaterThanOrEqual(0);
  expect(end, `marker ${endMarker}`).toBeGreaterThan(start);
  return text.slice(start + startMarker.length, end).trim();
}

/** The body of the single fenced block (```lang ... ```) in `section`. */
function fencedBlock(section: string, lang: string): string {
  const match = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\`$`).exec(section);
  expect(match, `a single \`\`\`${lang} block`).not.toBeNull();
  return (match as RegExpExecArray)[1] as string;
}

describe('README example', () => {
  it('prints the order state, the validation error and the version conflict', () => {
    expect(main()).toEqual([
      'valid: ItemAdded v2, frozen: true',
      'rejected: invalid data.quantity: a bigint is not JSON',
      'Order state after replaying 2 events: {"customer":"Ada","items":{"TEA-1":2}}',
      'stale write detected',
      'retry from version 3: version conflict for actor "order-1": attempted version 2, current version is 2; ' +
        'reload the actor and retry with version 3',
    ]);
  });

  it('is the code block in README.md', () => {
    const fromFile = between(exampleSource, '// README:start', '// README:end').replaceAll(
      "from '../index.js'",
      "from '@aether/core'",
    );
    const fromReadme = fencedBlock(between(readme, '<!-- example:start -->', '<!-- example:end -->'), 'ts');
    expect(fromReadme).toBe(fromFile);
  });

  it('shows what main() prints in README.md', () => {
    const shown = fencedBlock(
      between(readme, '<!-- example-output:start -->', '<!-- example-output:end -->'),
      'text',
    );
    expect(shown).toBe(main().join('\n'));
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
    expect(exported.has('VersionConflictError')).toBe(true);
    expect(exported.has('Event')).toBe(true);
  });

  it('documents every export of @aether/core', () => {
    expect([...exported].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('documents nothing that is not exported', () => {
    expect([...documented].filter((name) => !exported.has(name))).toEqual([]);
  });
});
