import { readFileSync } from 'node:fs';

/** A reader of UTF-8 files by path relative to `base` (pass `import.meta.url`). */
export function readerFor(base: string | URL): (path: string) => string {
  return (path) => readFileSync(new URL(path, base), 'utf8');
}
