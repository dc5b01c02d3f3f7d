import { LOOPBACK } from './config-file.js';

interface JszAnswer {
  account_details?: Array<{ stream_detail?: Array<{ name: string; cluster?: { leader?: string } }> }>;
}

/** The server name a node's `/jsz` gives as `stream`'s leader; undefined while there is none (or the node is down). */
async function leaderSeenBy(monitorPort: number, stream: string): Promise<string | undefined> {
  try {
    const response = await fetch(`http://${LOOPBACK}:${monitorPort}/jsz?accounts=true&streams=true`);
    const jsz = (await response.json()) as JszAnswer;
    const details = (jsz.account_details ?? []).flatMap((account) => account.stream_detail ?? []);
    return details.find((detail) => detail.name === stream)?.cluster?.leader || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks the running nodes' `/jsz` which running node leads `stream` and returns its server name
 * (a node just killed may still be named by the others until they notice). Polls every 25 ms up to
 * `timeoutMs`: an election takes a moment, and the server pushes no event for it.
 */
export async function waitStreamLeader(
  nodes: ReadonlyArray<{ serverName: string; monitorPort: number | undefined; running: boolean }>,
  stream: string,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = nodes.filter((node) => node.running);
    for (const node of running) {
      if (node.monitorPort === undefined) continue;
      const leader = await leaderSeenBy(node.monitorPort, stream);
      if (running.some((candidate) => candidate.serverName === leader)) return leader as string;
    }
    if (Date.now() > deadline) throw new Error(`stream ${stream} has no leader after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
