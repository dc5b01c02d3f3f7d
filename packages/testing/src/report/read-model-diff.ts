/**
 * A read model as indented JSON with object keys sorted, so that two read models are the same
 * exactly when these texts are: a `Map` shows as an object (string keys) or a list of entries, a
 * `Set` as a list, a `Date` as its ISO text, a `bigint` as `123n`.
 */
export function readModelText(value: unknown): string {
  return JSON.stringify(plain(value), null, 2) ?? 'undefined';
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Set) return [...value].map(plain);
  if (value instanceof Map) {
    const entries = [...value.entries()];
    if (!entries.every(([key]) => typeof key === 'string')) return entries.map(plain);
    return plain(Object.fromEntries(entries));
  }
  if (Array.isArray(value)) return value.map(plain);
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = plain((value as Record<string, unknown>)[key]);
  return sorted;
}

/**
 * A line-by-line comparison of two texts: common lines once, indented; the expected text's own
 * lines after `-`, the actual one's after `+` (by their longest common run of lines).
 */
export function textDiff(expected: string, actual: string): string {
  const want = expected.split('\n');
  const got = actual.split('\n');
  // common[i][j]: the longest common run of lines of want[i..] and got[j..].
  const common = Array.from({ length: want.length + 1 }, () => new Array<number>(got.length + 1).fill(0));
  for (let i = want.length - 1; i >= 0; i--) {
    for (let j = got.length - 1; j >= 0; j--) {
      const row = common[i] as number[];
      const below = common[i + 1] as number[];
      row[j] =
        want[i] === got[j]
          ? (below[j + 1] as number) + 1
          : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const lines = ['  - expected', '  + actual'];
  let i = 0;
  let j = 0;
  while (i < want.length || j < got.length) {
    if (i < want.length && j < got.length && want[i] === got[j]) {
      lines.push(`    ${want[i++]}`);
      j++;
    } else if (
      j >= got.length ||
      (i < want.length && (common[i + 1]?.[j] ?? 0) >= (common[i]?.[j + 1] ?? 0))
    ) {
      lines.push(`  - ${want[i++]}`);
    } else {
      lines.push(`  + ${got[j++]}`);
    }
  }
  return lines.join('\n');
}
