import { describe, expect, it } from 'vitest';
import { renderAuthorization } from './authorization.js';
import { type Permission, permissionsBlock, userWith } from './permissions.js';

const granted: Permission[] = [
  { permission: 'publish', subject: 'orders.*', why: 'saves' },
  { permission: 'subscribe', subject: '_INBOX_app.>', why: 'answers' },
];

describe('permissions', () => {
  it('renders a config block with one subject a line, its reason, and the optional ones commented out', () => {
    const optional = [
      {
        heading: 'to create it, also:',
        entries: [{ permission: 'publish' as const, subject: '$JS.API.STREAM.CREATE.x', why: 'the stream' }],
      },
    ];
    expect(permissionsBlock(granted, optional).split('\n')).toEqual([
      'permissions: {',
      '  publish: {',
      '    allow: [',
      `      ${'"orders.*"'.padEnd(48)} # saves`,
      '      # to create it, also:',
      `      ${'# "$JS.API.STREAM.CREATE.x"'.padEnd(48)} # the stream`,
      '    ]',
      '  }',
      '  subscribe: {',
      '    allow: [',
      `      ${'"_INBOX_app.>"'.padEnd(48)} # answers`,
      '    ]',
      '  }',
      '}',
    ]);
  });

  it('makes a user allowed exactly those subjects, and nothing at all of a kind it has none of', () => {
    expect(userWith('app', 'pw', granted).permissions).toEqual({
      publish: { allow: ['orders.*'] },
      subscribe: { allow: ['_INBOX_app.>'] },
    });
    const publishOnly = userWith('pub', 'pw', granted.slice(0, 1));
    expect(publishOnly.permissions).toMatchObject({ subscribe: { deny: ['>'] } });
    expect(renderAuthorization([publishOnly])).toContain('subscribe: { deny: [">"] }');
  });
});
