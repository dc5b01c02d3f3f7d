import { describe, expect, it } from 'vitest';
import { parseChangeset } from './pending-changesets.js';

describe('parseChangeset', () => {
  it('reads the bump of every package in the front matter and the summary below it', () => {
    const parsed = parseChangeset(
      'faster.md',
      '---\n"@aether/core": minor\n\'@aether/store-memory\': patch\n---\n\nFaster appends.\n\nMore text.\n',
    );
    expect(Object.fromEntries(parsed.bumps)).toEqual({
      '@aether/core': 'minor',
      '@aether/store-memory': 'patch',
    });
    expect(parsed.summary).toBe('Faster appends.\n\nMore text.');
  });

  it('accepts an empty changeset, which releases nothing', () => {
    expect(parseChangeset('empty.md', '---\n---\n').bumps.size).toBe(0);
  });

  it('refuses a bump it does not know, naming the file and the line', () => {
    expect(() => parseChangeset('odd.md', '---\n"@aether/core": huge\n---\nx')).toThrow(
      'odd.md: ""@aether/core": huge" is not a line like "@aether/core": minor',
    );
  });

  it('refuses a file without front matter', () => {
    expect(() => parseChangeset('plain.md', 'Just text')).toThrow(
      'plain.md: a changeset starts with front matter',
    );
  });
});
