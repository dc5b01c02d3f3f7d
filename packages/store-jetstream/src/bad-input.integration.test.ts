import {
  isValidationError,
  MAX_EVENT_BYTES,
  ReplayError,
  ValidationError,
  validateEvent,
} from '@aether/core';
import { encodeEvent } from '@aether/core/adapter';
import { type NatsServer, startNatsServer } from '@aether/nats-harness';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JetStreamEventStore } from './jetstream-event-store.js';
import { makeEvent, manager, testConnection, testStore, uniqueStoreName } from './test-support/nats.js';

const nc = await testConnection();
const store = await testStore(nc, { storeName: uniqueStoreName('bad-input') });
const js = jetstream(nc);
const encoder = new TextEncoder();

async function messageCount(): Promise<number> {
  return (await (await manager(nc)).streams.info(store.stream)).state.messages;
}

describe('corrupt messages on an actor subject', () => {
  it('become ReplayErrors with sequence and raw bytes, are skipped by getEvents, and never crash', async () => {
    const actorId = `corrupt-${crypto.randomUUID()}`;
    const subject = store.subjectFor(actorId);
    const good1 = makeEvent(actorId, 1);
    await store.saveEvent(good1);
    const garbage = new Uint8Array([0xff, 0xfe, 0x00, 0x42]);
    const injected: Uint8Array[] = [
      garbage,
      encoder.encode('[1,2,3]'),
      encoder.encode(JSON.stringify({ ...makeEvent(actorId, 2), id: undefined })),
      encoder.encode(JSON.stringify(makeEvent('someone-else', 2))),
    ];
    const seqs: number[] = [];
    for (const bytes of injected) seqs.push((await js.publish(subject, bytes)).seq);
    const good2 = makeEvent(actorId, 2);
    await store.saveEvent(good2);
    // A valid-looking event that breaks the order (version 2 again) is reported too.
    seqs.push((await js.publish(subject, JSON.stringify(makeEvent(actorId, 2)))).seq);

    const { events, errors } = await store.getEventsWithErrors(actorId);
    expect(events).toEqual([good1, good2]);
    expect(errors.map((error) => error.sequenceNumber)).toEqual(seqs);
    expect(errors.every((error) => error instanceof ReplayError)).toBe(true);
    expect(errors[0]?.rawData).toEqual(garbage);
    expect(errors[2]?.message).toContain('id');
    expect(errors[3]?.message).toContain('someone-else');
    expect(await store.getEvents(actorId)).toEqual([good1, good2]);
    expect((await store.getEventsWithErrors(actorId, 2)).events).toEqual([good2]);
  });

  it("reports stored events that break core's id rules as ReplayErrors, as it does any invalid event", async () => {
    const actorId = `bad-id-${crypto.randomUUID()}`;
    const subject = store.subjectFor(actorId);
    const good = makeEvent(actorId, 1);
    await store.saveEvent(good);
    const badIds = [' leading-space', 'trailing-tab\t', 'lone-\ud800', 'x'.repeat(1025), 'cr\rlf\n'];
    const seqs: number[] = [];
    for (const [index, id] of badIds.entries()) {
      const stored = { ...makeEvent(actorId, index + 2), id, timestamp: new Date(0).toISOString() };
      seqs.push((await js.publish(subject, encoder.encode(JSON.stringify(stored)))).seq);
    }
    const { events, errors } = await store.getEventsWithErrors(actorId);
    expect(events).toEqual([good]);
    expect(errors.map((error) => error.sequenceNumber)).toEqual(seqs);
    for (const error of errors) expect(error.cause).toMatchObject({ code: 'VALIDATION_ERROR', field: 'id' });
  });

  it('reads a stored -0 as 0', async () => {
    const actorId = `negative-zero-${crypto.randomUUID()}`;
    const event = makeEvent(actorId, 1, { data: { zero: 0, list: [0] } });
    const text = JSON.stringify({ ...event, timestamp: event.timestamp.toISOString() }).replace(
      '"data":{"zero":0,"list":[0]}',
      '"data":{"zero":-0,"list":[-0]}',
    );
    await js.publish(store.subjectFor(actorId), encoder.encode(text));
    expect((await store.getEvents(actorId))[0]?.data).toStrictEqual({ zero: 0, list: [0] });
  });

  it('still finds the latest version, and appends, when the last message is corrupt', async () => {
    const actorId = `corrupt-tail-${crypto.randomUUID()}`;
    await store.saveEvent(makeEvent(actorId, 1));
    await store.saveEvent(makeEvent(actorId, 2));
    await js.publish(store.subjectFor(actorId), encoder.encode('not json'));
    expect(await store.getLatestVersion(actorId)).toBe(2);
    await expect(store.saveEvent(makeEvent(actorId, 2))).rejects.toMatchObject({ currentVersion: 2 });
    await store.saveEvent(makeEvent(actorId, 3));
    const { events, errors } = await store.getEventsWithErrors(actorId);
    expect(events.map((event) => event.version)).toEqual([1, 2, 3]);
    expect(errors).toHaveLength(1);
  });
});

describe('actor ids that try to escape their subject', () => {
  it('cannot read or write another actor, whatever wildcards and separators they hold', async () => {
    const victim = `victim-${crypto.randomUUID()}`;
    await store.saveEvent(makeEvent(victim, 1));
    const attackers = [
      `${victim}.>`,
      `${victim}.*`,
      `${victim} `,
      `${victim}\r\nPUB x`,
      '>',
      '*',
      `${victim}~0020`,
      `.${victim}`,
    ];
    for (const attacker of attackers) {
      expect(store.subjectFor(attacker).split('.')).toHaveLength(3);
      expect(await store.getEvents(attacker), JSON.stringify(attacker)).toEqual([]);
      expect(await store.getLatestVersion(attacker)).toBe(0);
      await store.saveEvent(makeEvent(attacker, 1));
      expect(await store.getEvents(attacker)).toHaveLength(1);
    }
    expect(await store.getEvents(victim)).toHaveLength(1);
    expect(await store.getLatestVersion(victim)).toBe(1);
  });

  it('stores ids too long for a subject under a hashed token, and round-trips them exactly', async () => {
    const long = `${crypto.randomUUID()}-`.padEnd(2000, '.*> /ü😀');
    const twin = `${long.slice(0, -1)}#`;
    expect(store.subjectFor(long)).toMatch(/\.~H[0-9A-F]{64}$/);
    await store.saveEvent(makeEvent(long, 1));
    await store.saveEvent(makeEvent(twin, 1));
    await store.saveEvent(makeEvent(twin, 2));
    expect((await store.getEvents(long)).map((event) => event.actorId)).toEqual([long]);
    expect(await store.getLatestVersion(twin)).toBe(2);
  });
});

describe('events that can never be stored', () => {
  // An event whose encodeEvent JSON is exactly `bytes` long.
  const eventOfBytes = (actorId: string, bytes: number) => {
    const probe = makeEvent(actorId, 1, { data: { blob: '' } });
    return { ...probe, data: { blob: 'y'.repeat(bytes - encodeEvent(validateEvent(probe)).length) } };
  };

  it("refuses an event over core's MAX_EVENT_BYTES with a ValidationError naming the limit, writing nothing", async () => {
    const before = await messageCount();
    const huge = eventOfBytes(`big-${crypto.randomUUID()}`, MAX_EVENT_BYTES + 1);
    const error = await store.saveEvent(huge).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'event' });
    expect((error as Error).message).toContain(`encodes to ${MAX_EVENT_BYTES + 1} bytes`);
    expect((error as Error).message).toContain('MAX_EVENT_BYTES');
    expect(nc.isClosed()).toBe(false);
    expect(await messageCount()).toBe(before);
  });

  it('stores and reads back an event of exactly MAX_EVENT_BYTES, which the default max_payload holds', async () => {
    const actorId = `fits-${crypto.randomUUID()}`;
    const largest = eventOfBytes(actorId, MAX_EVENT_BYTES);
    await store.saveEvent(largest);
    expect(await store.getEvents(actorId)).toEqual([largest]);
  });

  it('refuses an id of 65,536 characters with a ValidationError on id, not a server error about header size', async () => {
    const error = await store
      .saveEvent(makeEvent(`long-id-${crypto.randomUUID()}`, 1, { id: 'x'.repeat(65_536) }))
      .catch((err: unknown) => err);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'id', message: expect.stringContaining('MAX_EVENT_ID_LENGTH') });
  });

  it('rejects an event id that cannot travel as a header', async () => {
    const error = await store
      .saveEvent(makeEvent(`crlf-${crypto.randomUUID()}`, 1, { id: 'a\r\nb' }))
      .catch((err) => err);
    expect(isValidationError(error)).toBe(true);
    expect((error as ValidationError).field).toBe('id');
  });

  it('rejects malformed events before writing anything', async () => {
    const before = await messageCount();
    const cases: Array<[string, unknown]> = [
      ['version', makeEvent('x', 0)],
      ['actorId', makeEvent('', 1)],
      ['data.n', makeEvent('x', 1, { data: { n: Number.NaN } })],
      ['timestamp', makeEvent('x', 1, { timestamp: new Date(Number.NaN) })],
    ];
    for (const [field, event] of cases) {
      const error = await store.saveEvent(event as never).catch((err: unknown) => err);
      expect(isValidationError(error), field).toBe(true);
      expect((error as ValidationError).field).toBe(field);
    }
    expect(await messageCount()).toBe(before);
  });
});

describe('a server whose max_payload is below MAX_EVENT_BYTES', () => {
  let server: NatsServer;
  beforeAll(async () => {
    server = await startNatsServer({ extraConfig: 'max_payload: 4096' });
  });
  afterAll(() => server?.destroy());

  it("refuses an event that fits core's limit but not the server's, naming max_payload, and stays connected", async () => {
    const small = await connect({ servers: server.url });
    try {
      const smallStore = await JetStreamEventStore.open(small, {
        storeName: uniqueStoreName('small-payload'),
      });
      const actorId = `over-${crypto.randomUUID()}`;
      const error = await smallStore
        .saveEvent(makeEvent(actorId, 1, { data: { blob: 'x'.repeat(5000) } }))
        .catch((err: unknown) => err);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({
        field: 'event',
        message: expect.stringContaining('max_payload of 4096'),
      });
      await smallStore.saveEvent(makeEvent(actorId, 1, { data: { blob: 'x'.repeat(3000) } }));
      expect(await smallStore.getLatestVersion(actorId)).toBe(1);
      await smallStore.close();
    } finally {
      await small.close();
    }
  });
});
