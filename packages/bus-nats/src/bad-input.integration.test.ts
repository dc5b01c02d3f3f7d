import { isValidationError, validateEvent } from '@aether/core';
import { encodeEvent } from '@aether/core/adapter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNatsBusError, type NatsBusError } from './errors/bus-error.js';
import { NatsEventBus } from './nats-event-bus.js';
import { makeEvent, ownedBus, settle, take, testConnection, uniquePrefix } from './test-support/nats.js';
import { busPayload, handMadePayload } from './test-support/payloads.js';
import { FLAG_ACTOR_ID } from './wire/payload-format.js';

describe('bad input', () => {
  it.each([
    ['a wildcard', 'orders.*'],
    ['a full wildcard', 'orders.>'],
    ['an empty token', 'orders..eu'],
    ['a space', 'orders eu'],
    ['an empty string', ''],
    ['more than 1,024 bytes', `orders.${'x'.repeat(1024)}`],
  ])(
    'publish refuses a namespace with %s with a ValidationError, and sends nothing',
    async (_case, namespace) => {
      const subjectPrefix = uniquePrefix('bad-ns');
      const nc = await testConnection();
      const bus = new NatsEventBus(nc, { subjectPrefix });
      const outBefore = nc.stats().outMsgs;
      const error = await bus.publish(namespace, makeEvent()).catch((err: unknown) => err);
      expect(isValidationError(error)).toBe(true);
      expect(error).toMatchObject({ field: 'namespace' });
      await bus.flush();
      expect(nc.stats().outMsgs).toBe(outBefore);
      await bus.close();
    },
  );

  it.each([
    ['> before the last token', 'orders.>.eu', undefined, 'namespacePattern'],
    ['a wildcard inside a token', 'orders*', undefined, 'namespacePattern'],
    ['whitespace', 'orders eu', undefined, 'namespacePattern'],
    ['an actor pattern with an empty token', 'orders', { actorPattern: 'order..1' }, 'actorPattern'],
    ['an actor pattern with a space', 'orders', { actorPattern: 'order 7' }, 'actorPattern'],
    ['an empty event type', 'orders', { eventTypes: [''] }, 'eventTypes[0]'],
  ])(
    'subscribe refuses %s with a ValidationError, and subscribes nothing',
    async (_case, pattern, options, field) => {
      const bus = await ownedBus({ subjectPrefix: uniquePrefix('bad-pattern') });
      expect(() => bus.subscribe(pattern, options)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_ERROR', field }),
      );
    },
  );

  it('garbage on the bus subjects is counted and reported through onError, never thrown into the loop', async () => {
    const subjectPrefix = uniquePrefix('garbage');
    const errors: NatsBusError[] = [];
    const subscriber = await ownedBus({ subjectPrefix, onError: (error) => errors.push(error) });
    const all = subscriber.subscribe('>');
    const orders = subscriber.subscribe('orders', { eventTypes: ['OrderPlaced'] });
    const raw = await testConnection();
    await settle({ flush: () => raw.flush() }, subscriber);

    const good = validateEvent(makeEvent());
    const goodSubject = subscriber.subjectFor('orders', good.eventType, good.actorId);
    const encoder = new TextEncoder();
    const garbage: [string, Uint8Array][] = [
      [goodSubject, new Uint8Array([0xff, 0xfe, 0xfd])], // not a payload
      [goodSubject, encoder.encode('not json')],
      [goodSubject, encoder.encode('null')],
      [goodSubject, encodeEvent(good)], // a valid event in the JSON of an older bus
      [goodSubject, handMadePayload({ format: 0x02 })], // a format this bus does not know
      [goodSubject, handMadePayload({ version: 0 })], // wrong shape
      [goodSubject, handMadePayload({ fields: ['"e-1"', '"text"'] })],
      [goodSubject, handMadePayload({ fields: ['"e-1"', new Uint8Array([0x7b, 0xff, 0x7d])] })], // not UTF-8
      [goodSubject, new Uint8Array(0)],
      // a valid event claiming another actor than its subject names: the server's filtering could not be trusted
      [
        goodSubject,
        handMadePayload({ flags: FLAG_ACTOR_ID, fields: [JSON.stringify(good.id), '{}', '"order-2"'] }),
      ],
      // a namespace the bus refuses (a no-break space) in a subject NATS accepts and routes
      [`${subjectPrefix}.OrderPlaced.order-1.orders\u00A0x`, busPayload(good)],
    ];
    // random bytes, too
    for (const bytes of fc.sample(fc.uint8Array({ minLength: 1, maxLength: 300 }), 40))
      garbage.push([goodSubject, bytes]);
    for (const [subject, data] of garbage) raw.publish(subject, data);
    raw.publish(goodSubject, busPayload(good));
    await settle({ flush: () => raw.flush() }, subscriber);

    // Both subscriptions received every garbage message on `orders`, `all` also the bad namespace one.
    expect(subscriber.malformedMessages).toBe(garbage.length + garbage.length - 1);
    expect(errors).toHaveLength(subscriber.malformedMessages);
    expect(errors.every((error) => isNatsBusError(error, 'MALFORMED_MESSAGE'))).toBe(true);
    expect(errors[0]?.subject).toBe(goodSubject);
    expect(errors[0]?.data).toEqual(new Uint8Array([0xff, 0xfe, 0xfd]));
    // The loops go on: the one valid event is delivered, and nothing else.
    expect((await take(all, 1))[0]?.event).toEqual(good);
    expect((await take(orders, 1))[0]?.event).toEqual(good);
    expect(all.buffered + orders.buffered).toBe(0);
    await subscriber.publish('orders', makeEvent());
    expect(all.buffered).toBe(1);
  });
});
