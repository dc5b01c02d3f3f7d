import { type Event, ReplayError } from '@aether/core';
import { encodeEvent, encodeEvents } from '@aether/core/adapter';
import { describe, expect, it } from 'vitest';
import { appendSaved, emptyHistory, extendHistory, lastEvents, selectFrom } from './actor-history.js';
import { decodeStored } from './decode-stored.js';

function event(version: number, actorId = 'order-1'): Event {
  return {
    id: `e${version}`,
    eventType: 'Added',
    actorId,
    version,
    data: { version },
    timestamp: new Date(1000 + version),
  };
}

const raw = (seq: number, value: Event | string, follows?: number) => ({
  seq,
  data: typeof value === 'string' ? new TextEncoder().encode(value) : encodeEvent(value),
  follows,
});

describe('decodeStored', () => {
  it('decodes an event of the actor', () => {
    expect(decodeStored(encodeEvent(event(1)), 7, 'order-1')).toEqual([event(1)]);
  });

  it('reports garbage, a wrong shape and another actor event as ReplayErrors with a copy of the bytes', () => {
    const garbage = new Uint8Array([0xff, 0x00]);
    const error = decodeStored(garbage, 3, 'order-1') as ReplayError;
    expect(error).toBeInstanceOf(ReplayError);
    expect(error.sequenceNumber).toBe(3);
    expect(error.rawData).toEqual(garbage);
    garbage[0] = 1;
    expect(error.rawData[0]).toBe(0xff);
    expect(decodeStored(new TextEncoder().encode('{"id":"x"}'), 4, 'order-1')).toBeInstanceOf(ReplayError);
    const foreign = decodeStored(encodeEvent(event(1, 'order-2')), 5, 'order-1') as ReplayError;
    expect(foreign.message).toContain('order-2');
  });
});

describe('actor histories', () => {
  const history = extendHistory(
    emptyHistory(1, 0),
    'order-1',
    [raw(2, event(1)), raw(5, 'garbage'), raw(9, event(2)), raw(11, event(4)), raw(12, event(3))],
    14,
  );

  it('decode messages in order, reporting undecodable and out-of-order ones', () => {
    expect(history.count).toBe(5);
    expect(history.lastSeq).toBe(14);
    expect(history.lastVersion).toBe(4);
    // The id of the message at lastSeq, which checks a cached history, though its event is out of order.
    expect(history.lastEventId).toBe('e3');
    const { events, errors } = selectFrom(history, 1);
    expect(events.map((item) => item.version)).toEqual([1, 2, 4]);
    expect(errors.map((item) => item.sequenceNumber)).toEqual([5, 12]);
    expect(errors[1]?.message).toContain('3 is not above the previous version 4');
  });

  it('select from a version, with the errors stored after the last event below it', () => {
    expect(selectFrom(history, 2).events.map((item) => item.version)).toEqual([2, 4]);
    expect(selectFrom(history, 2).errors.map((item) => item.sequenceNumber)).toEqual([5, 12]);
    expect(selectFrom(history, 3).errors.map((item) => item.sequenceNumber)).toEqual([12]);
    expect(selectFrom(history, 3).events.map((item) => item.version)).toEqual([4]);
    expect(selectFrom(history, 5)).toEqual({ events: [], errors: [expect.any(ReplayError)], rejected: [] });
  });

  it('hand out copies whose dates a caller may change', () => {
    const first = selectFrom(history, 1).events[0] as Event;
    first.timestamp.setTime(0);
    expect((selectFrom(history, 1).events[0] as Event).timestamp.getTime()).toBe(1001);
  });

  it('grow without changing the histories they grew from, even when two grow from one', () => {
    const base = extendHistory(emptyHistory(1, 0), 'order-1', [raw(1, event(1))], 1);
    const a = appendSaved(base, [event(2)], 2);
    const b = extendHistory(base, 'order-1', [raw(3, event(5))], 3);
    expect(selectFrom(base, 1).events.map((item) => item.version)).toEqual([1]);
    expect(selectFrom(a, 1).events.map((item) => item.version)).toEqual([1, 2]);
    expect(selectFrom(b, 1).events.map((item) => item.version)).toEqual([1, 5]);
    expect(a.lastEventId).toBe('e2');
  });

  it('start after a snapshot version when read from a snapshot', () => {
    const tail = extendHistory(emptyHistory(10, 3), 'order-1', [raw(10, event(3)), raw(11, event(4))], 11);
    expect(tail.coversFromVersion).toBe(4);
    expect(selectFrom(tail, 4).events.map((item) => item.version)).toEqual([4]);
    expect(selectFrom(tail, 4).errors).toHaveLength(1); // version 3 is not above the snapshot's 3
  });
});

describe('actor histories on a stream where two saves can both be accepted (replicas)', () => {
  // Writers A and B both read version 1 at sequence 3 and saved version 2; the server accepted
  // both (4 and 6). C read the subject's last message (6, B's, which lost) and saved version 3
  // after it, as the store's writers do.
  const messages = [
    raw(3, event(1), 0),
    raw(4, event(2), 3),
    raw(6, { ...event(2), id: 'b2' }, 3),
    raw(8, event(3), 6),
  ];
  const history = extendHistory(emptyHistory(1, 0), 'order-1', messages, 8);

  it('leave out the save that lost, reported as rejected, not as corruption', () => {
    const { events, errors, rejected } = selectFrom(history, 1);
    expect(events.map((item) => [item.id, item.version])).toEqual([
      ['e1', 1],
      ['e2', 2],
      ['e3', 3],
    ]);
    expect(errors).toEqual([]);
    expect(rejected).toEqual([{ sequenceNumber: 6, eventId: 'b2', version: 2 }]);
  });

  it('decide the same when read in pieces (a cached history extended, a read after a snapshot)', () => {
    const first = extendHistory(emptyHistory(1, 0), 'order-1', messages.slice(0, 2), 4);
    const whole = extendHistory(first, 'order-1', messages.slice(2), 8);
    expect(selectFrom(whole, 1)).toEqual(selectFrom(history, 1));
    const afterSnapshot = extendHistory(emptyHistory(5, 2), 'order-1', messages.slice(2), 8);
    expect(selectFrom(afterSnapshot, 3).events.map((item) => item.id)).toEqual(['e3']);
    expect(selectFrom(afterSnapshot, 3).rejected.map((item) => item.sequenceNumber)).toEqual([6]);
  });

  it('report a corrupt Aether-Follows header as a ReplayError', () => {
    const broken = extendHistory(emptyHistory(1, 0), 'order-1', [raw(3, event(1), Number.NaN)], 3);
    expect(selectFrom(broken, 1).errors[0]?.message).toContain('Aether-Follows');
  });
});

describe('actor histories with events saved together (one message, one sequence)', () => {
  const batch = (seq: number, versions: number[], follows?: number) => ({
    seq,
    data: encodeEvents(versions.map((version) => event(version))),
    follows,
  });
  const history = extendHistory(
    emptyHistory(1, 0),
    'order-1',
    [batch(3, [1], 0), batch(5, [2, 3, 4], 3), batch(9, [5, 6], 5)],
    9,
  );

  it("hold an entry per event, all at their message's sequence, in version order", () => {
    expect(history.entries.slice(0, history.count).map((entry) => [entry.seq, entry.event?.version])).toEqual(
      [
        [3, 1],
        [5, 2],
        [5, 3],
        [5, 4],
        [9, 5],
        [9, 6],
      ],
    );
    expect(history.lastVersion).toBe(6);
    expect(history.lastEventId).toBe('e5');
    expect(selectFrom(history, 3).events.map((item) => item.version)).toEqual([3, 4, 5, 6]);
  });

  it('give the events of the last message', () => {
    expect(lastEvents(history).map((item) => item.version)).toEqual([5, 6]);
    expect(lastEvents(emptyHistory(1, 0))).toEqual([]);
  });

  it('report a batch that is not above the version before it as a ReplayError for the whole message', () => {
    const broken = extendHistory(history, 'order-1', [batch(12, [6, 7], 9)], 12);
    expect(selectFrom(broken, 1).errors.map((error) => error.sequenceNumber)).toEqual([12]);
    expect(broken.lastVersion).toBe(6);
  });

  it('keep only the newer events of a batch a snapshot covers in part, when read after the snapshot', () => {
    // A snapshot at version 3 ends before the message at 5 (see sequenceCovering): the read starts there.
    const tail = extendHistory(
      emptyHistory(4, 3),
      'order-1',
      [batch(5, [2, 3, 4], 3), batch(9, [5, 6], 5)],
      9,
    );
    expect(selectFrom(tail, 4).events.map((item) => item.version)).toEqual([4, 5, 6]);
    expect(selectFrom(tail, 4).errors).toEqual([]);
  });
});
