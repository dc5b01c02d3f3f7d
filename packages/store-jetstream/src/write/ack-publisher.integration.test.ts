import { apiCodeOf, classifyNatsError } from '@aether/nats-support';
import { jetstream } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { manager, testConnection, testStore, uniqueStoreName } from '../test-support/nats.js';
import { AckPublisher } from './ack-publisher.js';

const nc = await testConnection();
const store = await testStore(nc, { storeName: uniqueStoreName('ack-publisher') });
const payload = new TextEncoder().encode('{}');

function append(subject: string, msgId: string, expectedLastSubjectSequence: number) {
  return { subject, payload, msgId, expectedLastSubjectSequence };
}

describe('AckPublisher', () => {
  it('returns the stored sequence, and the original one for a duplicate id', async () => {
    const publisher = new AckPublisher(nc, 2000);
    const subject = store.subjectFor(`acks-${crypto.randomUUID()}`);
    const first = await publisher.publish(append(subject, `a-${crypto.randomUUID()}`, 0));
    const id = `b-${crypto.randomUUID()}`;
    const second = await publisher.publish(append(subject, id, first.seq));
    expect(second).toEqual({ seq: expect.any(Number), duplicate: false });
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(await publisher.publish(append(subject, id, first.seq))).toEqual({
      seq: second.seq,
      duplicate: true,
    });
    const stored = await (await manager(nc)).streams.getMessage(store.stream, { seq: second.seq });
    expect(stored?.header.get('Nats-Msg-Id')).toBe(id);
    publisher.close();
  });

  it('fails a stale expectation with the JetStream error code 10071, as js.publish does', async () => {
    const publisher = new AckPublisher(nc, 2000);
    const subject = store.subjectFor(`stale-${crypto.randomUUID()}`);
    await publisher.publish(append(subject, `a-${crypto.randomUUID()}`, 0));
    const mine = await publisher.publish(append(subject, `b-${crypto.randomUUID()}`, 0)).catch((err) => err);
    const theirs = await jetstream(nc)
      .publish(subject, payload, { msgID: `c-${crypto.randomUUID()}`, expect: { lastSubjectSequence: 0 } })
      .catch((err) => err);
    expect(apiCodeOf(mine)).toBe(10071);
    expect(classifyNatsError(mine)).toEqual(classifyNatsError(theirs));
    publisher.close();
  });

  it('reports a subject no stream listens on as no responders', async () => {
    const publisher = new AckPublisher(nc, 2000);
    const err = await publisher.publish(append(`nowhere.${crypto.randomUUID()}`, 'x', 0)).catch((e) => e);
    expect(classifyNatsError(err)).toEqual({ kind: 'no-responders' });
    publisher.close();
  });

  it('releases its reply subscription on close, and refuses to publish afterwards', async () => {
    const publisher = new AckPublisher(nc, 2000);
    const before = nc.stats().outMsgs;
    const subscriptions = () =>
      (nc as unknown as { protocol: { subscriptions: { size(): number } } }).protocol.subscriptions.size();
    const idle = subscriptions();
    await publisher.publish(append(store.subjectFor(`close-${crypto.randomUUID()}`), 'y', 0));
    expect(nc.stats().outMsgs - before).toBe(1);
    expect(subscriptions()).toBe(idle + 1);
    publisher.close();
    expect(subscriptions()).toBe(idle);
    const err = await publisher.publish(append(store.subjectFor('after-close'), 'z', 0)).catch((e) => e);
    expect(classifyNatsError(err)).toEqual({ kind: 'closed' });
  });
});
