import type { AnyEvent } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { findUpcastingError } from '../errors/upcasting-error.js';
import { orderUpcasters, stored } from '../test-support/orders.js';
import { defineUpcasters } from './define-upcasters.js';
import { upcast } from './upcaster-chain.js';

const v3Placed = { customer: { name: 'Ada' }, currency: 'EUR' };

function upcastError(event: AnyEvent, upcasters = orderUpcasters) {
  try {
    upcasters.upcast(event);
  } catch (error) {
    const found = findUpcastingError(error);
    if (found === undefined) throw error;
    return found;
  }
  throw new Error('upcasting did not fail');
}

describe('upcasting one event', () => {
  it('runs every step from the stored version to the current one, and stamps the current version', () => {
    const v1 = stored('order-1', 1, 'OrderPlaced', { customer: 'Ada' });
    const v2 = stored('order-1', 1, 'OrderPlaced', { customer: 'Ada', currency: 'EUR' }, '2');
    for (const event of [v1, v2]) {
      expect(orderUpcasters.upcast(event)).toEqual({
        ...event,
        data: v3Placed,
        metadata: { schemaVersion: '3' },
      });
    }
  });

  it('keeps the other metadata', () => {
    const v1 = {
      ...stored('order-1', 1, 'OrderPlaced', { customer: 'Ada' }),
      metadata: { correlationId: 'c-1' },
    };
    expect(orderUpcasters.upcast(v1).metadata).toEqual({ correlationId: 'c-1', schemaVersion: '3' });
  });

  it('hands back an event in its current shape as it is, the same object', () => {
    const current = stored('order-1', 1, 'OrderPlaced', v3Placed, '3');
    const unchanged = stored('order-1', 2, 'ItemAdded', { sku: 'tea', quantity: 1 });
    expect(orderUpcasters.upcast(current)).toBe(current);
    expect(orderUpcasters.upcast(unchanged)).toBe(unchanged);
  });

  it('never changes the event it upcasts', () => {
    const v1 = stored('order-1', 1, 'OrderPlaced', { customer: 'Ada' });
    const before = structuredClone(v1);
    orderUpcasters.upcast(v1);
    expect(v1).toEqual(before);
  });

  it('gives each step the stored event', () => {
    const seen: AnyEvent[] = [];
    const upcasters = defineUpcasters({
      A: upcast<{ n: number }>().to(2, (data, event) => {
        seen.push(event);
        return { n: data.n, at: event.timestamp.getTime() };
      }),
    });
    const event = stored('a-1', 1, 'A', { n: 1 });
    expect(upcasters.upcast(event).data).toEqual({ n: 1, at: event.timestamp.getTime() });
    expect(seen).toEqual([event]);
  });

  it('refuses a schema version newer than the code knows, naming id, type and version', () => {
    const v4 = stored('order-1', 7, 'OrderPlaced', { whatever: true }, '4');
    const error = upcastError(v4);
    expect(error.code).toBe('SCHEMA_VERSION_UNKNOWN');
    expect(error.eventType).toBe('OrderPlaced');
    expect(error.event).toEqual({ eventId: v4.id, actorId: 'order-1', version: 7, schemaVersion: '4' });
    expect(error.message).toBe(
      `event "${v4.id}" of type "OrderPlaced" has schema version 4, newer than 3, the newest this code knows of ` +
        'OrderPlaced (actor "order-1", version 7): read it with code whose upcasters reach its version; it is ' +
        'stored unchanged, and the other events stay readable',
    );
  });

  it('refuses a stamped version of a type that has no chain (it is at 1 here)', () => {
    expect(upcastError(stored('order-1', 2, 'ItemAdded', {}, '2')).code).toBe('SCHEMA_VERSION_UNKNOWN');
  });

  it.each(['0', '-1', '1.5', 'abc', '', ' 2', '02', '99999999999999999'])(
    'refuses schema version %j, which is not a version',
    (text) => {
      const error = upcastError(stored('order-1', 1, 'OrderPlaced', {}, text));
      expect(error.code).toBe('SCHEMA_VERSION_UNKNOWN');
      expect(error.message).toContain(
        `has schema version ${JSON.stringify(text)} in its metadata (schemaVersion), which is not a whole number >= 1`,
      );
    },
  );

  it('reports an upcaster that throws, with its error as the cause', () => {
    const bug = new Error('no customer');
    const upcasters = defineUpcasters({
      A: upcast().to(2, () => {
        throw bug;
      }),
    });
    const event = stored('a-1', 3, 'A', {});
    const error = upcastError(event, upcasters);
    expect(error.code).toBe('UPCAST_FAILED');
    expect(error.cause).toBe(bug);
    expect(error.message).toBe(
      `the upcaster of "A" to schema version 2 threw: no customer (event "${event.id}", actor "a-1", version 3); ` +
        'fix the upcaster: the stored event is unchanged',
    );
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['string', 'x'],
  ])('reports an upcaster that returns %s', (got, result) => {
    const upcasters = defineUpcasters({ A: upcast().to(2, () => result as never) });
    const error = upcastError(stored('a-1', 1, 'A', {}), upcasters);
    expect(error.code).toBe('UPCAST_FAILED');
    expect(error.message).toContain(`returned ${got}, not the data object of version 2`);
  });
});
