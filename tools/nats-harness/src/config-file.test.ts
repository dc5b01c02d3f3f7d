import { describe, expect, it } from 'vitest';
import { renderNatsConfig } from './config-file.js';

describe('renderNatsConfig', () => {
  it('renders a single JetStream node on loopback, with room for a client that falls behind', () => {
    const text = renderNatsConfig({ serverName: 'n1', port: -1, jetstream: true, storeDir: '/tmp/a b/"js"' });
    expect(text).toBe(
      [
        'server_name: "n1"',
        'host: "127.0.0.1"',
        'port: -1',
        'max_pending: 536870912',
        'write_deadline: "120s"',
        'jetstream {',
        '  store_dir: "/tmp/a b/\\"js\\""',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('leaves JetStream out when it is off and adds monitoring when asked', () => {
    const text = renderNatsConfig({
      serverName: 'n1',
      port: 4333,
      jetstream: false,
      storeDir: '/x',
      monitorPort: 8333,
    });
    expect(text).not.toContain('jetstream');
    expect(text).toContain('http: "127.0.0.1:8333"');
  });

  it('renders one node of a cluster with routes to its peers on loopback', () => {
    const text = renderNatsConfig({
      serverName: 'n2',
      port: 4302,
      jetstream: true,
      storeDir: '/data/n2',
      cluster: { name: 'aether', port: 6302, routes: [6301, 6303] },
    });
    expect(text).toContain('cluster {\n  name: "aether"\n  listen: "127.0.0.1:6302"\n');
    expect(text).toContain('routes: ["nats-route://127.0.0.1:6301", "nats-route://127.0.0.1:6303"]');
  });

  it('renders users with their permissions, quoting subjects so that $JS stays a subject', () => {
    const text = renderNatsConfig({
      serverName: 'n',
      port: 1,
      jetstream: true,
      storeDir: '/x',
      users: [
        { user: 'admin', password: 'a' },
        {
          user: 'app',
          password: 'p"w',
          permissions: {
            publish: { allow: ['orders.*', '$JS.API.INFO'], deny: ['orders.secret'] },
            subscribe: { allow: ['_INBOX_app.>'] },
          },
        },
      ],
    });
    expect(text).toContain(
      [
        'authorization {',
        '  users = [',
        '    { user: "admin", password: "a" }',
        '    { user: "app", password: "p\\"w", permissions: { publish: { allow: ["orders.*", "$JS.API.INFO"], deny: ["orders.secret"] }, subscribe: { allow: ["_INBOX_app.>"] } } }',
        '  ]',
        '}',
      ].join('\n'),
    );
  });

  it("takes a user's permissions as config text too, comments and all", () => {
    const permissions = 'permissions: {\n  publish: ["orders.*"] # saves\n}';
    const text = renderNatsConfig({
      serverName: 'n',
      port: 1,
      jetstream: false,
      storeDir: '/x',
      users: [{ user: 'app', password: 'pw', permissions }],
    });
    expect(text).toContain(`{ user: "app", password: "pw", ${permissions} }`);
  });

  it('appends raw config for auth or limits', () => {
    const text = renderNatsConfig({
      serverName: 'n',
      port: 1,
      jetstream: false,
      storeDir: '/x',
      extra: 'max_payload: 2048',
    });
    expect(text.trimEnd().endsWith('max_payload: 2048')).toBe(true);
  });
});
