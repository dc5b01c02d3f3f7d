import { LOOPBACK } from './config-file.js';

/**
 * Waits until the server's `/healthz` answers 200: for a JetStream cluster node that means it
 * has found the metadata leader and is current. Polls every 25 ms up to `timeoutMs`; the server
 * pushes no event for this, so a poll of the condition is the best available.
 */
export async function waitHealthy(monitorPort: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    try {
      const response = await fetch(`http://${LOOPBACK}:${monitorPort}/healthz`);
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > deadline)
      throw new Error(`server with monitor port ${monitorPort} not healthy after ${timeoutMs} ms: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
