import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const startMarker = '<!-- bench:results:start -->';
export const endMarker = '<!-- bench:results:end -->';

const generatedNote =
  '<!-- Written by `pnpm bench` from results/*.json: edit the text outside these markers. -->';

/**
 * Puts `generated` between the markers of the README at `path`, keeping everything outside them.
 * A README without markers gets them appended; a missing README is created with a short header.
 */
export function updateReadme(path: string, generated: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# @aether/bench\n';
  const block = `${startMarker}\n${generatedNote}\n\n${generated.trim()}\n\n${endMarker}`;
  writeFileSync(path, replaceBlock(current, block));
}

export function replaceBlock(text: string, block: string): string {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker, start + startMarker.length);
  if (start === -1 || end === -1) return `${text.trimEnd()}\n\n${block}\n`;
  return text.slice(0, start) + block + text.slice(end + endMarker.length);
}
