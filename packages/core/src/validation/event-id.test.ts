import { describe, expect, it } from 'vitest';
import { decodeEvent } from '../codec/json-codec.js';
import { ValidationError } from '../errors/validation-error.js';
import { MAX_EVENT_ID_LENGTH, requireEventId } from './event-id.js';
import { checkEventRecord, validateEvent } from './validate-event.js';

const event = (id: unknown) => ({
  id,
  eventType: 'OrderPlaced',
  actorId: 'order-1',
  version: 1,
  data: {},
  timestamp: new Date(0),
});

/** The ValidationError validateEvent throws for an event with this id; fails the test when there is none. */
function refusal(id: unknown): ValidationError {
  try {
    validateEvent(event(id));
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error(`validateEvent accepted the id ${JSON.stringify(id)}`);
}

describe('an event id', () => {
  it('may have up to MAX_EVENT_ID_LENGTH (1,024) UTF-16 code units', () => {
    expect(MAX_EVENT_ID_LENGTH).toBe(1024);
    const longest = 'x'.repeat(1024);
    expect(validateEvent(event(longest)).id).toBe(longest);
    // Length counts code units: 512 emoji are 1,024 of them.
    expect(validateEvent(event('😀'.repeat(512))).id).toHaveLength(1024);
  });

  it('is refused at 1,025 code units, with the limit and what to do in the message', () => {
    for (const id of ['x'.repeat(1025), `${'😀'.repeat(512)}x`, 'x'.repeat(65_536)]) {
      const err = refusal(id);
      expect(err.field).toBe('id');
      expect(err.message).toContain(`is ${id.length} UTF-16 code units long`);
      expect(err.message).toContain('MAX_EVENT_ID_LENGTH');
      expect(err.message).toContain('use a shorter id');
    }
  });

  it('may hold any well-formed Unicode, inner spaces and the characters NATS subjects reserve', () => {
    for (const id of ['évènement 注文 😀', 'a b\u00a0c', 'orders.*.>', '~0020', 'e\u0301', '\u{10ffff}']) {
      expect(validateEvent(event(id)).id).toBe(id);
    }
  });

  it.each([
    ['a lone high surrogate', 'evt-\ud800', 'U+D800 at index 4'],
    ['a lone low surrogate', 'evt-\udc00-1', 'U+DC00 at index 4'],
    ['a lone high surrogate at the end, after a pair', 'evt-😀\ud83d', 'U+D83D at index 6'],
    ['two surrogates in the wrong order', '\udc00\ud800', 'U+DC00 at index 0'],
  ])('is refused when it holds %s, which UTF-8 cannot encode', (_case, id, where) => {
    const err = refusal(id);
    expect(err.field).toBe('id');
    expect(err.message).toContain(`lone surrogate (${where})`);
    expect(err.message).toContain('use well-formed text');
  });

  it.each([
    ['NUL', 'a\u0000b', 'U+0000 at index 1'],
    ['CR', 'a\rb', 'U+000D at index 1'],
    ['LF', 'a\nb', 'U+000A at index 1'],
    ['CR LF', 'evt\r\nPUB x', 'U+000D at index 3'],
    ['a tab inside', 'a\tb', 'U+0009 at index 1'],
    ['a leading tab', '\tevt', 'U+0009 at index 0'],
    ['a trailing tab', 'evt\t', 'U+0009 at index 3'],
    ['U+001F', 'a\u001f', 'U+001F at index 1'],
    ['DEL', '\u007fa', 'U+007F at index 0'],
  ])('is refused when it holds the control character %s', (_case, id, where) => {
    const err = refusal(id);
    expect(err.field).toBe('id');
    expect(err.message).toContain(`control character ${where}`);
    expect(err.message).toContain('remove it');
  });

  it.each([
    ['a leading space', ' evt'],
    ['a trailing space', 'evt '],
    ['only spaces', '   '],
    ['a leading no-break space', '\u00a0evt'],
    ['a trailing no-break space', 'evt\u00a0'],
    ['a trailing line separator', 'evt\u2028'],
    ['a leading byte order mark', '\ufeffevt'],
    ['a trailing ideographic space', 'evt\u3000'],
  ])('is refused with %s, which NATS would trim', (_case, id) => {
    const err = refusal(id);
    expect(err.field).toBe('id');
    expect(err.message).toContain('starts or ends with whitespace');
    expect(err.message).toContain('trim it');
  });

  it.each([
    ['empty', '', 'must not be empty'],
    ['a number', 42, 'must be a string, got a number'],
  ])('is refused when %s', (_case, id, problem) => {
    expect(refusal(id).message).toBe(`invalid id: ${problem}`);
  });

  it('is checked alike by validateEvent, checkEventRecord, requireEventId and decoding', () => {
    for (const id of ['x'.repeat(1025), 'a\ud800', 'a\nb', ' a']) {
      const message = refusal(id).message;
      expect(() => checkEventRecord(event(id))).toThrow(message);
      expect(() => requireEventId(id)).toThrow(message);
      const stored = new TextEncoder().encode(
        JSON.stringify({ ...event(id), timestamp: '1970-01-01T00:00:00.000Z' }),
      );
      expect(() => decodeEvent(stored)).toThrow(message);
    }
  });

  it('names the field it is given', () => {
    expect(() => requireEventId(' a', 'causationId')).toThrow(
      expect.objectContaining({ field: 'causationId' }),
    );
  });
});
