import type { Msg } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';
import { ackSubjectMarker, deliveryOf, deliveryOfMessage } from './delivery-info.js';

const marker = ackSubjectMarker('orders', 'c1');

describe('deliveryOf', () => {
  it('reads the stream sequence, consumer sequence and pending count of the 2.9 ack subject', () => {
    expect(deliveryOf('$JS.ACK.orders.c1.1.4077.12.1700000000000000000.5', marker)).toEqual({
      streamSeq: 4077,
      consumerSeq: 12,
      pending: 5,
    });
  });

  it('reads the 2.10 form, with domain and account, with or without the trailing token', () => {
    const expected = { streamSeq: 9, consumerSeq: 3, pending: 0 };
    expect(deliveryOf('$JS.ACK._.ACC.orders.c1.1.9.3.1700000000000000000.0', marker)).toEqual(expected);
    expect(deliveryOf('$JS.ACK.hub.ACC.orders.c1.1.9.3.1700000000000000000.0.xyz', marker)).toEqual(expected);
  });

  it('refuses anything else', () => {
    expect(deliveryOf('_INBOX.abc.1', marker)).toBeUndefined();
    expect(deliveryOf('$JS.ACK.orders.c1.1.x.12.1.5', marker)).toBeUndefined();
    expect(deliveryOf('$JS.ACK.orders.c1.1.2', marker)).toBeUndefined();
    expect(deliveryOf('$JS.ACK.orders.c2.1.4077.12.1700000000000000000.5', marker)).toBeUndefined();
  });

  it('reads a delivered message from its reply bytes as nats.js holds them, or from msg.reply without them', () => {
    const reply = '$JS.ACK.orders.c1.1.4077.12.1700000000000000000.5';
    const expected = { streamSeq: 4077, consumerSeq: 12, pending: 5 };
    const withBytes = { _msg: { reply: new TextEncoder().encode(reply) } } as unknown as Msg;
    expect(deliveryOfMessage(withBytes, marker)).toEqual(expected);
    expect(deliveryOfMessage({ reply } as unknown as Msg, marker)).toEqual(expected);
    expect(deliveryOfMessage({ reply: '' } as unknown as Msg, marker)).toBeUndefined();
  });
});
