import { connect } from 'node:net';
import { LOOPBACK } from './config-file.js';

/**
 * Connects to a NATS port on loopback and returns the server's INFO (the first protocol line),
 * without a NATS client. Rejects when nothing accepts the connection.
 */
export function readServerInfo(port: number, timeoutMs = 5_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: LOOPBACK, port });
    let buffered = '';
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`no INFO from ${LOOPBACK}:${port} within ${timeoutMs} ms`)),
    );
    socket.once('error', reject);
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      const end = buffered.indexOf('\r\n');
      if (end === -1) return;
      socket.destroy();
      const line = buffered.slice(0, end);
      if (!line.startsWith('INFO ')) {
        reject(new Error(`expected INFO, got ${JSON.stringify(line.slice(0, 80))}`));
        return;
      }
      resolve(JSON.parse(line.slice(5)) as Record<string, unknown>);
    });
  });
}
