import { fileURLToPath } from 'node:url';

/**
 * A certificate authority and a server certificate it signed (for 127.0.0.1 and localhost, valid
 * until 2126), for tests of TLS connections. Test-only: the private key is public, in this
 * repository. The CA's own key was not kept, so nothing else can be signed with it.
 */
export interface TestTls {
  /** The CA certificate a client needs to trust the server (nats.js: `tls: { caFile }`). */
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** A `tls { ... }` block for `startNatsServer({ extraConfig })`: TLS required of every client. */
  readonly serverConfig: string;
}

const fileOf = (name: string) => fileURLToPath(new URL(`../tls/${name}`, import.meta.url));

export function testTls(): TestTls {
  const caFile = fileOf('ca.pem');
  const certFile = fileOf('server-cert.pem');
  const keyFile = fileOf('server-key.pem');
  return {
    caFile,
    certFile,
    keyFile,
    // The handshake gets 30 s instead of the server's 2 s: on a busy 2-core machine a client took
    // longer, and the server dropped it mid-handshake.
    serverConfig: `tls {\n  cert_file: ${JSON.stringify(certFile)}\n  key_file: ${JSON.stringify(keyFile)}\n  timeout: 30\n}`,
  };
}
