import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { readServerInfo } from './server-info.js';
import { type NatsCluster, startNatsCluster } from './start-nats-cluster.js';

describe('startNatsCluster', () => {
  let cluster: NatsCluster | undefined;
  afterAll(() => cluster?.destroy());

  it('starts three JetStream nodes on loopback, routed to each other, and waits until they are healthy', async () => {
    cluster = await startNatsCluster();
    expect(cluster.nodes.map((node) => node.serverName)).toEqual(['n1', 'n2', 'n3']);
    expect(new Set(cluster.nodes.map((node) => node.storeDir)).size).toBe(3);
    for (const node of cluster.nodes) {
      const info = await readServerInfo(node.port);
      expect(info.cluster).toBe('aether');
      expect(info.jetstream).toBe(true);
      const routez = (await (await fetch(`http://127.0.0.1:${node.monitorPort}/routez`)).json()) as {
        num_routes: number;
      };
      expect(routez.num_routes).toBe(2);
    }
  });

  it('stays healthy when one node is killed, and takes it back after a restart', async () => {
    if (cluster === undefined) throw new Error('no cluster');
    const [first] = cluster.nodes;
    await first?.kill('SIGKILL');
    await cluster.waitHealthy();
    await first?.restart();
    await cluster.waitHealthy();
    expect(first?.running).toBe(true);
  });

  it('names the node that leads a stream, and the new leader once that node is killed', async () => {
    if (cluster === undefined) throw new Error('no cluster');
    const nc = await connect({ servers: cluster.urls });
    try {
      const api = async (subject: string, body = '') =>
        JSON.parse((await nc.request(subject, body, { timeout: 10_000 })).string()) as {
          cluster?: { leader?: string };
        };
      await api(
        '$JS.API.STREAM.CREATE.led',
        JSON.stringify({ name: 'led', subjects: ['led.>'], num_replicas: 3 }),
      );
      const leader = await cluster.streamLeader('led');
      expect((await api('$JS.API.STREAM.INFO.led')).cluster?.leader).toBe(leader.serverName);
      await leader.kill('SIGKILL');
      const next = await cluster.streamLeader('led');
      expect(next.serverName).not.toBe(leader.serverName);
      expect(next.running).toBe(true);
      await leader.restart();
      await cluster.waitHealthy();
    } finally {
      await nc.close();
    }
  }, 60_000);
});
