import { createServer } from 'node:net';
import { LOOPBACK } from './config-file.js';

/**
 * A loopback port that was free a moment ago. Only for ports that must be known before a server
 * starts (cluster routes); a single server is better started on port -1, which the server picks
 * itself without any race.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => (port === undefined ? reject(new Error('no port assigned')) : resolve(port)));
    });
  });
}
