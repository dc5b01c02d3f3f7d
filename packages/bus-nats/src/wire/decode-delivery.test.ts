import { validateEvent } from '@aether/core';
import { boundedSubjectToken, encodeEvent } from '@aether/core/adapter';
import { describe, expect, it } from 'vitest';
import { isNatsBusError } from '../errors/bus-error.js';
import { NamespaceCheck } from '../subjects/namespace-check.js';
import { eventSubject } from '../subjects/subject-layout.js';
import { TokenValueCache } from '../subjects/subject-token.js';
import { busPayload, handMadePayload } from '../test-support/payloads.js';
import { decodeDelivery } from './decode-delivery.js';
import { FLAG_ACTOR_ID, FLAG_EVENT_TYPE } from './payload-format.js';

const caches = () => ({ types: new TokenValueCache(), namespaces: new NamespaceCheck() });
const event = validateEvent({
  id: 'e-1',
  eventType: 'Order.Placed',
  actorId: 'order 7',
  version: 3,
  data: { items: [{ sku: 'tea' }] },
  timestamp: new Date('2024-05-01T12:00:00.000Z'),
  metadata: { correlationId: 'c-1' },
});
const longType = `Type-${'t'.repeat(2000)}`;
const longActor = `actor ${'a'.repeat(2000)}`;
const subjectOf = (namespace: string, type = event.eventType, actor = event.actorId) =>
  eventSubject('app', boundedSubjectToken(type), boundedSubjectToken(actor), namespace);

function failure(subject: string, data: Uint8Array): unknown {
  try {
    decodeDelivery('app', subject, data, caches());
  } catch (err) {
    return err;
  }
  throw new Error('decodeDelivery accepted a malformed message');
}

describe('decodeDelivery', () => {
  it('gives back the namespace and the event, deeply frozen, the type and actor read from the subject', () => {
    const delivery = decodeDelivery('app', subjectOf('orders.eu'), busPayload(event), caches());
    expect(delivery).toEqual({ namespace: 'orders.eu', event });
    expect(Object.keys(delivery.event)).toEqual(Object.keys(event));
    expect(Object.isFrozen(delivery)).toBe(true);
    expect(Object.isFrozen(delivery.event)).toBe(true);
    expect(Object.isFrozen(delivery.event.data)).toBe(true);
    expect(Object.isFrozen(delivery.event.metadata)).toBe(true);
  });

  it('takes a type and an actor too long for a subject token from the payload, checked against their hashes', () => {
    const long = validateEvent({ ...event, eventType: longType, actorId: longActor });
    const cache = caches();
    for (let round = 0; round < 2; round++) {
      const delivery = decodeDelivery(
        'app',
        subjectOf('orders', longType, longActor),
        busPayload(long),
        cache,
      );
      expect(delivery.event).toEqual(long);
    }
  });

  it.each([
    [
      'garbage bytes',
      subjectOf('orders'),
      new Uint8Array([0xff, 0xfe, 0x00, 0x01]),
      /fewer than the 18-byte header/,
    ],
    ['a JSON event, as an older bus sent', subjectOf('orders'), encodeEvent(event), /format 0x7B/],
    ['a payload of an unknown format', subjectOf('orders'), handMadePayload({ format: 0x02 }), /format 0x02/],
    [
      'a payload carrying an actor its subject names already',
      subjectOf('orders'),
      handMadePayload({ flags: FLAG_ACTOR_ID, fields: ['"e-1"', '{}', '"order 7"'] }),
      /carries an actor its subject names already/,
    ],
    [
      'a payload carrying an event type its subject names already',
      subjectOf('orders'),
      handMadePayload({ flags: FLAG_EVENT_TYPE, fields: ['"e-1"', '{}', '"Order.Placed"'] }),
      /carries an event type its subject names already/,
    ],
    [
      'a hashed actor token with no actor in the payload',
      subjectOf('orders', event.eventType, longActor),
      busPayload(event),
      /does not carry the actor/,
    ],
    [
      'a hashed actor token the actor in the payload does not hash to',
      subjectOf('orders', event.eventType, longActor),
      busPayload({ ...event, actorId: `${longActor}!` }),
      /actor token does not match/,
    ],
    [
      'a hashed type token the type in the payload does not hash to',
      subjectOf('orders', longType),
      busPayload({ ...event, eventType: `${longType}!` }),
      /event type token does not match/,
    ],
    [
      'an actor token that is not canonical',
      'app.Order~002EPlaced.order~002D7.orders',
      busPayload(event),
      /actor token is not one the bus writes/,
    ],
    [
      'an actor token with a bad escape',
      'app.Order~002EPlaced.order~zz.orders',
      busPayload(event),
      /actor token is not one the bus writes/,
    ],
    [
      'an actor token that should have been hashed',
      `app.Order~002EPlaced.${'a'.repeat(1025)}.orders`,
      busPayload(event),
      /actor token is not one the bus writes/,
    ],
    [
      'an event type token with a character the encoding never writes',
      'app.Order#.order~00207.orders',
      busPayload(event),
      /event type token is not one the bus writes/,
    ],
    [
      'a subject with an invalid namespace',
      `app.${boundedSubjectToken(event.eventType)}.${boundedSubjectToken(event.actorId)}.orders..eu`,
      busPayload(event),
      /invalid namespace/,
    ],
    ['a subject of another shape', 'app.x', busPayload(event), /does not have the shape/],
    [
      'a subject of another prefix',
      subjectOf('orders').replace('app.', 'apq.'),
      busPayload(event),
      /does not have the shape/,
    ],
  ])(
    'refuses %s with MALFORMED_MESSAGE, keeping the subject and a copy of the bytes',
    (_case, subject, data, reason) => {
      const error = failure(subject, data);
      expect(isNatsBusError(error, 'MALFORMED_MESSAGE')).toBe(true);
      expect((error as Error).message).toMatch(reason);
      expect(error).toMatchObject({ subject, retryable: false });
      expect([...(error as { data: Uint8Array }).data]).toEqual([...data]);
      expect((error as { data: Uint8Array }).data).not.toBe(data);
    },
  );
});
