/** Subjects a user may, or may not, use for one permission (NATS wildcards `*` and `>` allowed). */
export interface SubjectPermission {
  allow?: readonly string[];
  deny?: readonly string[];
}

/** One user of the server's `authorization` block, with the permissions the server enforces. */
export interface NatsUser {
  user: string;
  password: string;
  /**
   * Omitted: the user may publish and subscribe to anything. A string is config text as it is
   * (`permissions: { ... }`, comments and all), e.g. a block copied from a README.
   */
  permissions?: NatsPermissions | string;
}

/** What a user may publish to and subscribe to. */
export interface NatsPermissions {
  publish?: SubjectPermission;
  subscribe?: SubjectPermission;
}

/**
 * The `authorization { users = [...] }` block for `users`, every string JSON-quoted (the server's
 * parser takes those literally, so subjects starting with `$` stay subjects, not variables).
 */
export function renderAuthorization(users: readonly NatsUser[]): string {
  const lines = users.map((user) => {
    const fields = [`user: ${quote(user.user)}`, `password: ${quote(user.password)}`];
    if (typeof user.permissions === 'string') fields.push(user.permissions);
    else if (user.permissions !== undefined) fields.push(renderPermissions(user.permissions));
    return `    { ${fields.join(', ')} }`;
  });
  return ['authorization {', '  users = [', ...lines, '  ]', '}'].join('\n');
}

function renderPermissions({ publish, subscribe }: NatsPermissions): string {
  const parts = [
    ...(publish === undefined ? [] : [`publish: ${renderSubjects(publish)}`]),
    ...(subscribe === undefined ? [] : [`subscribe: ${renderSubjects(subscribe)}`]),
  ];
  return `permissions: { ${parts.join(', ')} }`;
}

function renderSubjects(permission: SubjectPermission): string {
  const parts: string[] = [];
  if (permission.allow !== undefined) parts.push(`allow: [${permission.allow.map(quote).join(', ')}]`);
  if (permission.deny !== undefined) parts.push(`deny: [${permission.deny.map(quote).join(', ')}]`);
  return `{ ${parts.join(', ')} }`;
}

function quote(value: string): string {
  return JSON.stringify(value);
}
