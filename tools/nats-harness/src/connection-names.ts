import { LOOPBACK } from './config-file.js';

/**
 * The names of the clients connected to `server` now, from its monitoring endpoint (`/connz`):
 * for tests that check a connection was opened, named or closed. The server needs `monitor`.
 */
export async function connectionNames(server: {
  readonly monitorPort: number | undefined;
}): Promise<string[]> {
  if (server.monitorPort === undefined)
    throw new Error('connectionNames needs a server started with monitor: true');
  const response = await fetch(`http://${LOOPBACK}:${server.monitorPort}/connz`);
  const body = (await response.json()) as { connections?: Array<{ name?: string }> };
  return (body.connections ?? []).map((connection) => connection.name ?? '');
}
