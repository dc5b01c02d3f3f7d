const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** The units `--older-than` takes, for messages and help. */
export const DURATION_UNITS = 's, m, h or d';

/**
 * Reads a duration such as `90s`, `30m`, `12h` or `7d`: a whole number of seconds, minutes, hours
 * or days (at least 1). Returns milliseconds, or `undefined` for anything else.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)([smhd])$/.exec(text);
  if (match === null) return undefined;
  const ms = Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
  return Number.isSafeInteger(ms) && ms > 0 ? ms : undefined;
}
