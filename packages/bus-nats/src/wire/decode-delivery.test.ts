import { encodeEvent, validateEvent } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { isNatsBusError } from '../errors.js';
import { NamespaceCheck } from '../subject/namespace-check.js';
import { eventSubject } from '../subject/subject-layout.js';
import { subjectToken, TokenCache } from '../subject/subject-token.js';
import { decodeDelivery } from './decode-delivery.js';

const caches = () => ({ types: new TokenCache(), namespaces: new NamespaceCheck() });
const event = validateEvent({
  id: 'e-1',
  eventType: 'Order.Placed',
  actorId: 'order 7',
  version: 3,
  data: { items: [{ sku: 'tea' }] },
  timestamp: new Date('2024-05-01T12:00:00.000Z'),
  metadata: { correlationId: 'c-1' },
});
const subjectOf = (namespace: string, type = event.eventType, actor = event.actorId) =>
  eventSubject('app', subjectToken(type), subjectToken(actor), namespace);

function failure(subject: string, data: Uint8Array): unknown {
  try {
    decodeDelivery('app', subject, data, caches());
  } catch (err) {
    return err;
  }
  throw new Error('decodeDelivery accepted a malformed message');
}

describe('decodeDelivery', () => {
  it('gives back the namespace and the event, deeply frozen', () => {
    const delivery = decodeDelivery('app', subjectOf('orders.eu'), encodeEvent(event), caches());
    expect(delivery).toEqual({ namespace: 'orders.eu', event });
    expect(Object.isFrozen(delivery)).toBe(true);
    expect(Object.isFrozen(delivery.event.data)).toBe(true);
  });

  it.each([
    ['garbage bytes', subjectOf('orders'), new Uint8Array([0xff, 0xfe, 0x00, 0x01])],
    ['JSON that is not an object', subjectOf('orders'), new TextEncoder().encode('[1,2,3]')],
    [
      'an event without a version',
      subjectOf('orders'),
      new TextEncoder().encode(JSON.stringify({ ...event, version: undefined })),
    ],
    ['a subject naming another type', subjectOf('orders', 'Other'), encodeEvent(event)],
    ['a subject naming another actor', subjectOf('orders', event.eventType, 'order 8'), encodeEvent(event)],
    [
      'a subject with an invalid namespace',
      `app.${subjectToken(event.eventType)}.${subjectToken(event.actorId)}.orders..eu`,
      encodeEvent(event),
    ],
    ['a subject of another shape', 'app.x', encodeEvent(event)],
  ])(
    'refuses %s with MALFORMED_MESSAGE, keeping the subject and a copy of the bytes',
    (_case, subject, data) => {
      const error = failure(subject, data);
      expect(isNatsBusError(error, 'MALFORMED_MESSAGE')).toBe(true);
      expect(error).toMatchObject({ subject, retryable: false });
      expect([...(error as { data: Uint8Array }).data]).toEqual([...data]);
      expect((error as { data: Uint8Array }).data).not.toBe(data);
    },
  );
});
