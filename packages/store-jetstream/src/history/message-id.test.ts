import { describe, expect, it } from 'vitest';
import { eventIdOfMessageId, messageIdFor } from './message-id.js';

describe('message ids', () => {
  it('are the event id, until a save of the event lost a race', () => {
    expect(messageIdFor('evt-1', 12, false)).toBe('evt-1');
    expect(messageIdFor('evt-1', 12, true)).toBe('evt-1\t12');
  });

  it('give the event id back either way', () => {
    expect(eventIdOfMessageId('evt-1')).toBe('evt-1');
    expect(eventIdOfMessageId(messageIdFor('evt 1@x', 99, true))).toBe('evt 1@x');
  });

  it('after a lost race differ per sequence, so a retry of that very save is still a duplicate', () => {
    expect(messageIdFor('evt-1', 12, true)).not.toBe(messageIdFor('evt-1', 13, true));
  });
});
