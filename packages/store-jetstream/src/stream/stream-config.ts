import type { StreamConfig } from '@nats-io/jetstream';
import type { ResolvedConfig } from '../options/resolve-options.js';

const nanosPerMs = 1_000_000;

/**
 * The stream the store creates: one subject per actor under the prefix; limits retention with no
 * count or size limit (a limit would silently drop old events); the server refuses deletes, purges
 * and rollups; direct gets on.
 */
export function desiredStreamConfig(config: ResolvedConfig): Partial<StreamConfig> & { name: string } {
  return {
    name: config.stream,
    subjects: [`${config.subjectPrefix}.*`],
    retention: 'limits',
    storage: config.storage,
    num_replicas: config.replicas,
    max_age: config.maxAgeMs * nanosPerMs,
    duplicate_window: config.duplicateWindowMs * nanosPerMs,
    max_msgs: -1,
    max_bytes: -1,
    max_msgs_per_subject: -1,
    discard: 'old',
    deny_delete: true,
    deny_purge: true,
    allow_rollup_hdrs: false,
    allow_direct: true,
  };
}

/**
 * Every way an existing stream's config differs from what the store needs, one readable line each
 * (empty when it can be used as it is).
 */
export function diffStreamConfig(config: ResolvedConfig, actual: Partial<StreamConfig>): string[] {
  const differences: string[] = [];
  const expect = (field: string, actualValue: string, needed: string) => {
    if (actualValue !== needed) differences.push(`${field} is ${actualValue} (the store needs ${needed})`);
  };
  const subjects = [...(actual.subjects ?? [])].sort();
  expect('subjects', JSON.stringify(subjects), JSON.stringify([`${config.subjectPrefix}.*`]));
  expect('retention', String(actual.retention), 'limits');
  expect('storage', String(actual.storage), config.storage);
  expect('num_replicas', String(actual.num_replicas), String(config.replicas));
  expect('max_age', formatDuration(toMs(actual.max_age)), formatDuration(config.maxAgeMs));
  expect(
    'duplicate_window',
    formatDuration(toMs(actual.duplicate_window)),
    formatDuration(config.duplicateWindowMs),
  );
  for (const field of ['max_msgs', 'max_bytes', 'max_msgs_per_subject'] as const) {
    const value = actual[field] ?? -1;
    if (value > 0)
      differences.push(`${field} is ${value} (the store needs no limit: a limit silently drops old events)`);
  }
  expect('deny_delete', String(actual.deny_delete === true), 'true');
  expect('deny_purge', String(actual.deny_purge === true), 'true');
  expect('allow_rollup_hdrs', String(actual.allow_rollup_hdrs === true), 'false');
  expect('allow_direct', String(actual.allow_direct === true), 'true');
  if (actual.sealed === true) differences.push('sealed is true (the store needs a stream it can append to)');
  if (actual.mirror != null) differences.push('the stream is a mirror (the store needs its own stream)');
  if ((actual.sources ?? []).length > 0)
    differences.push('the stream has sources (other streams would write into it)');
  return differences;
}

function toMs(nanos: number | undefined): number {
  return Math.round((nanos ?? 0) / nanosPerMs);
}

/** `0` as "forever", otherwise the largest whole unit: `365d`, `2m`, `1500ms`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return 'forever';
  const units: Array<[string, number]> = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ];
  for (const [unit, size] of units) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
