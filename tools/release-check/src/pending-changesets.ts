import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReleaseType } from 'semver';

/** One `.changeset/<name>.md` waiting for the next `changeset version`. */
export interface PendingChangeset {
  file: string;
  /** The bump it asks for, by package name. */
  bumps: ReadonlyMap<string, ReleaseType>;
  /** The text below the front matter: what goes into the CHANGELOGs. */
  summary: string;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n?---\n?([\s\S]*)$/;
const BUMP_LINE = /^\s*(["']?)([^"':\s]+)\1\s*:\s*(major|minor|patch)\s*$/;

/** Parses a changeset file as changesets does: YAML-ish front matter of `"name": bump` lines, then Markdown. */
export function parseChangeset(file: string, text: string): PendingChangeset {
  const match = FRONT_MATTER.exec(text.replaceAll('\r\n', '\n'));
  if (match === null) throw new Error(`${file}: a changeset starts with front matter between two --- lines`);
  const bumps = new Map<string, ReleaseType>();
  for (const line of (match[1] ?? '').split('\n')) {
    if (line.trim() === '') continue;
    const bump = BUMP_LINE.exec(line);
    if (bump === null) throw new Error(`${file}: "${line}" is not a line like "@aether/core": minor`);
    bumps.set(bump[2] as string, bump[3] as ReleaseType);
  }
  return { file, bumps, summary: (match[2] ?? '').trim() };
}

/** The changesets in `changesetDir` (every `.md` but its README). */
export async function readPendingChangesets(changesetDir: string): Promise<PendingChangeset[]> {
  const files = (await readdir(changesetDir)).filter((name) => name.endsWith('.md') && name !== 'README.md');
  return Promise.all(
    files.sort().map(async (file) => parseChangeset(file, await readFile(join(changesetDir, file), 'utf8'))),
  );
}
