import { jetstream } from '@nats-io/jetstream';
import { headers, type Msg } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';
import { FOLLOWS_HEADER, followsOfMessage } from '../history/follows.js';
import { makeEvent, manager, testConnection, testStore, uniqueStoreName } from '../test-support/nats.js';
import { readRange } from './read-range.js';

const nc = await testConnection();
const store = await testStore(nc, { storeName: uniqueStoreName('read-range') });
const js = jetstream(nc);
const jsm = await manager(nc);

async function fill(subject: string, count: number, bytes: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let index = 0; index < count; index++) {
    const payload = new Uint8Array(bytes).fill(index % 256);
    seqs.push((await js.publish(subject, payload)).seq);
    await js.publish(store.subjectFor('someone-else'), new Uint8Array(10));
  }
  return seqs;
}

async function read(subject: string, startSeq: number, endSeq: number, maxMessageBytes = 1024 * 1024) {
  const messages: { seq: number; first: number | undefined; length: number; follows: number | undefined }[] =
    [];
  const deletions: Promise<unknown>[] = [];
  await readRange(
    { nc, jsm },
    {
      stream: store.stream,
      subject,
      startSeq,
      endSeq,
      idleTimeoutMs: 2000,
      trustPending: true,
      maxMessageBytes,
      cleanup: (deletion) => deletions.push(deletion),
    },
    (seq, data, follows) => messages.push({ seq, first: data[0], length: data.length, follows }),
  );
  await Promise.all(deletions);
  return messages;
}

describe('readRange', () => {
  it('reads exactly the subject range, in order, and deletes its consumer', async () => {
    const subject = store.subjectFor(`range-${crypto.randomUUID()}`);
    const seqs = await fill(subject, 30, 20);
    const all = await read(subject, 1, seqs.at(-1) as number);
    expect(all.map((message) => message.seq)).toEqual(seqs);
    const middle = await read(subject, seqs[10] as number, seqs[19] as number);
    expect(middle.map((message) => message.seq)).toEqual(seqs.slice(10, 20));
    expect(await read(subject, (seqs.at(-1) as number) + 1, seqs.at(-1) as number)).toEqual([]);
    const consumers = [];
    for await (const consumer of jsm.consumers.list(store.stream)) consumers.push(consumer.name);
    expect(consumers).toEqual([]);
  });

  it('reads more than one pull can carry (8 MiB), asking again after each full one', async () => {
    const subject = store.subjectFor(`big-${crypto.randomUUID()}`);
    const seqs = await fill(subject, 12, 900 * 1024);
    const messages = await read(subject, 1, seqs.at(-1) as number);
    expect(messages.map((message) => message.seq)).toEqual(seqs);
    expect(messages.map((message) => message.first)).toEqual(seqs.map((_, index) => index));
    expect(messages.every((message) => message.length === 900 * 1024)).toBe(true);
  });

  it('fails at once with a retryable DISCONNECTED when the connection drops mid-read, not at its idle timeout', async () => {
    const own = await testConnection();
    const ownJsm = await manager(own);
    const subject = store.subjectFor(`dropped-${crypto.randomUUID()}`);
    const count = 3000;
    const acks = await Promise.all(
      Array.from({ length: count }, () => js.publish(subject, new Uint8Array(100))),
    );
    let received = 0;
    const started = performance.now();
    const failure = await readRange(
      { nc: own, jsm: ownJsm },
      {
        stream: store.stream,
        subject,
        startSeq: 1,
        endSeq: Math.max(...acks.map((ack) => ack.seq)),
        idleTimeoutMs: 5000,
        trustPending: true,
        maxMessageBytes: 1024 * 1024,
        cleanup: () => undefined,
      },
      () => {
        // The connection drops in the middle of the read (nats.js dials again at once).
        if (++received === 100) void own.reconnect();
      },
    ).catch((err: unknown) => err);
    expect(failure).toMatchObject({ code: 'DISCONNECTED', retryable: true });
    expect((failure as Error).message).toContain('stopped early');
    expect(received).toBeLessThan(count);
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it("hands each message's Aether-Follows on, read from the header bytes of nats.js's message", async () => {
    const actorId = `follows-${crypto.randomUUID()}`;
    await store.saveEvent(makeEvent(actorId, 1));
    await store.saveEvent(makeEvent(actorId, 2));
    const subject = store.subjectFor(actorId);
    const first = await jsm.streams.getMessage(store.stream, { seq: 1, next_by_subj: subject } as never);
    const last = await jsm.streams.getMessage(store.stream, { last_by_subj: subject });
    const messages = await read(subject, 1, last?.seq as number);
    expect(messages.map((message) => [message.seq, message.follows])).toEqual([
      [first?.seq, 0],
      [last?.seq, first?.seq],
    ]);
    // followsOfMessage reads nats.js's own message fields; should an upgrade rename them, it falls
    // back to parsing the headers (correct, but slow): this notices.
    const delivered = await new Promise<Msg>((resolve) => {
      nc.subscribe(`${subject}.probe`, { max: 1, callback: (_, msg) => resolve(msg) });
      const h = headers();
      h.set(FOLLOWS_HEADER, '5');
      nc.publish(`${subject}.probe`, 'x', { headers: h });
    });
    expect((delivered as unknown as { _rdata: unknown })._rdata).toBeInstanceOf(Uint8Array);
    expect(followsOfMessage(delivered, 10)).toBe(5);
  });
});
