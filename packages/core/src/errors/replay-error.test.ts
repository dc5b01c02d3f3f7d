import { describe, expect, it } from 'vitest';
import { REPLAY_ERROR, ReplayError } from './replay-error.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('ReplayError', () => {
  it('carries the sequence number, the raw bytes exactly and the cause', () => {
    const rawData = Uint8Array.from([0, 1, 2, 0xff, 0xfe, 123, 34]);
    const cause = new SyntaxError('Unexpected token');
    const err = new ReplayError({ sequenceNumber: 42, rawData, cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ReplayError');
    expect(err.code).toBe('REPLAY_ERROR');
    expect(REPLAY_ERROR).toBe('REPLAY_ERROR');
    expect(err.sequenceNumber).toBe(42);
    expect(Array.from(err.rawData)).toEqual([0, 1, 2, 0xff, 0xfe, 123, 34]);
    expect(err.cause).toBe(cause);
    expect(err.message).toContain('sequence 42');
    expect(err.message).toContain('Unexpected token');
    expect(err.message).toContain('7 bytes');
  });

  it('shows a short preview of small data in full', () => {
    const err = new ReplayError({
      sequenceNumber: 1,
      rawData: bytes('{"id":'),
      cause: new Error('truncated'),
    });
    expect(err.message).toContain(JSON.stringify('{"id":'));
    expect(err.message).not.toContain('...');
  });

  it('accepts a cause that is not an Error', () => {
    const err = new ReplayError({ sequenceNumber: 3, rawData: bytes('x'), cause: 'bad bytes' });
    expect(err.message).toContain('bad bytes');
    expect(err.cause).toBe('bad bytes');
  });

  it.each([
    ['printable text', 0x61],
    ['zero bytes (escaped, six characters each)', 0x00],
    ['invalid UTF-8', 0xff],
  ])('keeps the message short for 1 MiB of %s, and the bytes intact', (_name, fill) => {
    const rawData = new Uint8Array(1024 * 1024).fill(fill);
    const err = new ReplayError({ sequenceNumber: 9, rawData, cause: new Error('not JSON') });
    expect(err.message.length).toBeLessThan(300);
    expect(err.message).toContain('1048576 bytes');
    expect(err.message).toContain('...');
    expect(err.rawData.length).toBe(1024 * 1024);
    expect(err.rawData.every((byte) => byte === fill)).toBe(true);
  });

  it('keeps the message short when the cause message quotes a huge input', () => {
    const cause = new Error(`must be a safe integer >= 1, got ${'9'.repeat(1024 * 1024)}`);
    const err = new ReplayError({ sequenceNumber: 9, rawData: new Uint8Array(10), cause });
    expect(err.message.length).toBeLessThan(300);
    expect(err.cause).toBe(cause);
  });
});
