import type { ClusterInfo } from '@nats-io/jetstream';
import type { Session } from './session.js';

/** What to do next about a replicated stream's leader, seen from a session on node `own`. */
export type LeaderStep = 'ready' | 'step-down' | 'wait';

/**
 * `ready` once a node other than `own` leads and every other replica is current (online, caught
 * up); `step-down` while `own` leads; `wait` while there is no leader or a replica lags.
 */
export function nextLeaderStep(cluster: ClusterInfo | undefined, own: string, replicas: number): LeaderStep {
  const leader = cluster?.leader;
  if (leader === undefined || leader === '') return 'wait';
  if (leader === own) return 'step-down';
  const others = cluster?.replicas ?? [];
  const current = others.length === replicas - 1 && others.every((peer) => peer.current && !peer.offline);
  return current ? 'ready' : 'wait';
}

/** Stream info can name the old leader for a moment after a step-down: ask again only after this. */
const stepDownPatienceMs = 2000;
const pollMs = 25;

/**
 * Makes a node other than the session's lead `stream`, stepping its leader down when the
 * session's node was elected, and waits until every replica is current. The meta leader places a
 * new stream's leader at random, and a client on the leader saves one route hop per request: a
 * contender that drew it would be measured on a different path than one that did not. So the
 * session that creates a stream always reaches its leader through a follower, as two clients in
 * three do on a 3-node cluster.
 * Polled: the server announces neither an election nor a caught-up replica to a client.
 */
export async function leadFromAnotherNode(
  session: Session,
  stream: string,
  timeoutMs = 20_000,
): Promise<void> {
  const own = session.nc.info?.server_name;
  if (own === undefined) throw new Error(`the connection to place stream ${stream}'s leader is closed`);
  const deadline = performance.now() + timeoutMs;
  let steppedDownAt = Number.NEGATIVE_INFINITY;
  for (;;) {
    const { cluster } = await session.jsm.streams.info(stream);
    const step = nextLeaderStep(cluster, own, session.replicas);
    if (step === 'ready') return;
    if (step === 'step-down' && performance.now() - steppedDownAt > stepDownPatienceMs) {
      await stepDown(session, stream);
      steppedDownAt = performance.now();
    }
    if (performance.now() > deadline) {
      throw new Error(
        `stream ${stream} was not led from a node other than ${own} with every replica current within ${timeoutMs} ms (last seen: ${JSON.stringify(cluster)})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

// nats.js 3.4 has no call for this JetStream API request.
async function stepDown(session: Session, stream: string): Promise<void> {
  const reply = await session.nc.request(`$JS.API.STREAM.LEADER.STEPDOWN.${stream}`, undefined, {
    timeout: 5000,
  });
  const answer = reply.json<{ success?: boolean; error?: { description?: string } }>();
  if (answer.success !== true) {
    throw new Error(
      `stream ${stream}'s leader did not step down: ${answer.error?.description ?? 'no reason given'}`,
    );
  }
}
