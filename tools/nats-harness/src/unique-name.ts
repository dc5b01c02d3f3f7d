/**
 * A name no other test, and no earlier run against the same server, uses:
 * `<prefix>_<time>_<random>`, made of letters, digits and `_` (valid for streams and buckets).
 */
export function uniqueName(prefix: string, random: () => number = Math.random): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.floor(random() * 36 ** 6).toString(36)}`;
}
