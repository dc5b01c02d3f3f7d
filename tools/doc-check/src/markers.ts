import { expect } from 'vitest';

/** The text between `startMarker` and `endMarker`, trimmed; fails the test when a marker is missing. */
export function between(text: string, startMarker: string, endMarker: string): string {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker, start + startMarker.length);
  expect(start, `marker ${startMarker}`).toBeGreaterThanOrEqual(0);
  expect(end, `marker ${endMarker}`).toBeGreaterThan(start);
  return text.slice(start + startMarker.length, end).trim();
}

/** The body of the single fenced block (```lang ... ```) that `section` is. */
export function fencedBlock(section: string, lang: string): string {
  const match = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\`$`).exec(section);
  expect(match, `a single \`\`\`${lang} block`).not.toBeNull();
  return (match as RegExpExecArray)[1] as string;
}

/** The body of the ```lang block between `<!-- name:start -->` and `<!-- name:end -->` in a README. */
export function readmeBlock(readme: string, name: string, lang: string): string {
  return fencedBlock(between(readme, `<!-- ${name}:start -->`, `<!-- ${name}:end -->`), lang);
}
