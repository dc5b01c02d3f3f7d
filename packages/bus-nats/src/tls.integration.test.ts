import { type NatsServer, startNatsServer, testTls } from '@aether/nats-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NatsEventBus } from './nats-event-bus.js';
import { makeEvent, settle, take, uniquePrefix } from './test-support/nats.js';

describe('a bus on a server that requires TLS', () => {
  const tls = testTls();
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer({ jetstream: false, extraConfig: tls.serverConfig });
  });
  afterAll(() => server.destroy());

  it('connects with the CA passed in the connection options and delivers events', async () => {
    const subjectPrefix = uniquePrefix('tls');
    const connection = { tls: { caFile: tls.caFile } };
    const publisher = await NatsEventBus.connect({ servers: server.url, subjectPrefix, connection });
    const receiver = await NatsEventBus.connect({ servers: server.url, subjectPrefix, connection });
    try {
      const subscription = receiver.subscribe('orders');
      await settle(publisher, receiver);
      const event = makeEvent();
      await publisher.publish('orders', event);
      expect((await take(subscription, 1)).map((delivery) => delivery.event.id)).toEqual([event.id]);
    } finally {
      await publisher.close();
      await receiver.close();
    }
  });

  it('refuses to connect when it cannot verify the server', async () => {
    await expect(
      NatsEventBus.connect({ servers: server.url, connection: { tls: {}, maxReconnectAttempts: 0 } }),
    ).rejects.toThrow(/certificate/i);
  });
});
