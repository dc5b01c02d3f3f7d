import { plural } from './format.js';

const day = 24 * 60 * 60 * 1000;

/** How long a stream keeps events, for a human: `kept 365 days`, `kept for ever`. */
export function describeRetention(maxAgeMs: number): string {
  if (maxAgeMs === 0) return 'kept for ever';
  if (maxAgeMs % day === 0) return `kept ${plural(maxAgeMs / day, 'day')}`;
  return `kept ${maxAgeMs} ms`;
}
