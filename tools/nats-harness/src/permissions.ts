import type { NatsUser } from './authorization.js';

/** One NATS permission a client needs, and what needs it (a comment in the rendered block). */
export interface Permission {
  permission: 'publish' | 'subscribe';
  subject: string;
  why: string;
}

/** Permissions needed only in some setups: rendered commented out, under `heading`. */
export interface OptionalPermissions {
  heading: string;
  entries: readonly Permission[];
}

const kinds = ['publish', 'subscribe'] as const;

/**
 * A user with exactly `permissions`. A kind with nothing allowed denies everything: NATS reads a
 * missing `publish` or `subscribe` block as "anything".
 */
export function userWith(user: string, password: string, permissions: readonly Permission[]): NatsUser {
  const allowed = (kind: Permission['permission']) => {
    const subjects = permissions.filter((entry) => entry.permission === kind).map((entry) => entry.subject);
    return subjects.length === 0 ? { deny: ['>'] } : { allow: subjects };
  };
  return { user, password, permissions: { publish: allowed('publish'), subscribe: allowed('subscribe') } };
}

/**
 * The `permissions: { ... }` config block of a user with `granted`, one subject a line with what
 * needs it as a comment, and the `optional` ones commented out under their heading: what a README
 * shows, and (being config text) what a test can give the server as it is.
 */
export function permissionsBlock(
  granted: readonly Permission[],
  optional: readonly OptionalPermissions[] = [],
): string {
  const line = (entry: Permission, prefix = '') =>
    `      ${`${prefix}${JSON.stringify(entry.subject)}`.padEnd(48)} # ${entry.why}`;
  const lines = ['permissions: {'];
  for (const kind of kinds) {
    lines.push(`  ${kind}: {`, '    allow: [');
    for (const entry of granted) if (entry.permission === kind) lines.push(line(entry));
    for (const group of optional) {
      const entries = group.entries.filter((entry) => entry.permission === kind);
      if (entries.length === 0) continue;
      lines.push(`      # ${group.heading}`, ...entries.map((entry) => line(entry, '# ')));
    }
    lines.push('    ]', '  }');
  }
  lines.push('}');
  return lines.join('\n');
}
