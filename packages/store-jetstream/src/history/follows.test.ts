import { headers, type Msg } from '@nats-io/nats-core';
import { MsgHdrsImpl } from '@nats-io/nats-core/internal';
import { describe, expect, it } from 'vitest';
import { belongsAfter, FOLLOWS_HEADER, followsOf, followsOfMessage } from './follows.js';

describe('belongsAfter: a message belongs to the history when nothing is stored on its subject between it and the sequence it follows', () => {
  it('keeps a message that follows the previous message of its subject', () => {
    expect(belongsAfter(7, 7, 12)).toBe(true);
  });

  it('leaves out a message whose expected predecessor is not the previous message (it lost a race)', () => {
    // Two saves both expected 7; 9 was stored first, so 12 lost.
    expect(belongsAfter(9, 7, 12)).toBe(false);
    // A sequence ahead of the previous message was never a message of this subject.
    expect(belongsAfter(9, 10, 12)).toBe(false);
  });

  it('keeps the first stored message of a subject whatever it followed (earlier ones have expired)', () => {
    expect(belongsAfter(0, 0, 3)).toBe(true);
    expect(belongsAfter(0, 2, 3)).toBe(true);
    expect(belongsAfter(0, 3, 3)).toBe(false);
  });

  it('keeps a message saved without the header (by something else than the store): the version rule still applies', () => {
    expect(belongsAfter(9, undefined, 12)).toBe(true);
  });
});

describe('followsOf', () => {
  const withHeader = (name: string, value: string) => {
    const h = headers();
    h.set(name, value);
    return h;
  };

  it("reads the store's own header, and the server's expectation header of messages saved before it existed", () => {
    expect(followsOf(withHeader(FOLLOWS_HEADER, '41'), 50)).toBe(41);
    expect(followsOf(withHeader('Nats-Expected-Last-Subject-Sequence', '0'), 1)).toBe(0);
    expect(followsOf(headers(), 50)).toBeUndefined();
    expect(followsOf(undefined, 50)).toBeUndefined();
  });

  it('reports a header that is not a sequence below the message as NaN (a corrupt message)', () => {
    for (const value of ['x', '-1', '1.5', '50', '51', '1e400']) {
      expect(followsOf(withHeader(FOLLOWS_HEADER, value), 50), value).toBeNaN();
    }
  });
});

describe('followsOfMessage', () => {
  // A message as nats.js delivers it: the raw header block and payload, and the header length.
  const delivered = (block: string, headerLength = block.length) => {
    const bytes = new TextEncoder().encode(block);
    return {
      _rdata: bytes,
      _msg: { hdr: headerLength },
      get headers() {
        return headerLength > 0 ? MsgHdrsImpl.decode(bytes.subarray(0, headerLength)) : undefined;
      },
    } as unknown as Msg;
  };

  it('reads the value straight from the header bytes, the same as followsOf does from the parsed headers', () => {
    const cases = [
      'NATS/1.0\r\nAether-Follows: 41\r\nNats-Msg-Id: a\r\n\r\n',
      'NATS/1.0\r\nNats-Msg-Id: a\r\nNats-Expected-Last-Subject-Sequence: 7\r\n\r\n',
      'NATS/1.0\r\nAether-Follows:   9  \r\n\r\n',
      'NATS/1.0\r\nAether-Follows: 9x\r\n\r\n',
      'NATS/1.0\r\nAether-Follows: \r\n\r\n',
      'NATS/1.0\r\nAether-Follows: 99999999999999999999\r\n\r\n',
      'NATS/1.0\r\nAether-Follows: 50\r\n\r\n',
      'NATS/1.0\r\nNats-Msg-Id: a\r\n\r\n',
      'NATS/1.0\r\naether-follows: 12\r\n\r\n',
    ];
    for (const block of cases) {
      const msg = delivered(`${block}{"payload":1}`, block.length);
      expect(followsOfMessage(msg, 50), JSON.stringify(block)).toEqual(followsOf(msg.headers, 50));
    }
  });

  it('finds no header in a message without a header block', () => {
    expect(followsOfMessage(delivered('{"payload":1}', -1), 50)).toBeUndefined();
  });
});
