import { describe, expect, it } from 'vitest';
import { VERSION_CONFLICT, VersionConflictError } from './version-conflict-error.js';

describe('VersionConflictError', () => {
  it('carries the actor, both versions and a stable code', () => {
    const err = new VersionConflictError({ actorId: 'order-1', attemptedVersion: 3, currentVersion: 5 });
    expect(err).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf(VersionConflictError);
    expect(err.name).toBe('VersionConflictError');
    expect(err.code).toBe('VERSION_CONFLICT');
    expect(VERSION_CONFLICT).toBe('VERSION_CONFLICT');
    expect(err.actorId).toBe('order-1');
    expect(err.attemptedVersion).toBe(3);
    expect(err.currentVersion).toBe(5);
    expect(err.message).toContain('version conflict');
    expect(err.message).toContain('order-1');
    expect(err.message).toContain('attempted version 3');
    expect(err.message).toContain('current version is 5');
  });

  it('tells the caller what to do next', () => {
    const err = new VersionConflictError({ actorId: 'a', attemptedVersion: 2, currentVersion: 2 });
    expect(err.message).toContain('retry with version 3');
  });

  it('keeps the cause it wraps', () => {
    const cause = new Error('wrong last sequence: 7');
    const err = new VersionConflictError({ actorId: 'a', attemptedVersion: 1, currentVersion: 1 }, { cause });
    expect(err.cause).toBe(cause);
  });

  // The cases of the Go original's tests.
  it.each([
    { name: 'current version 0', actorId: 'order-1', attemptedVersion: 0, currentVersion: 0 },
    {
      name: 'the largest safe integer',
      actorId: 'order-1',
      attemptedVersion: Number.MAX_SAFE_INTEGER,
      currentVersion: Number.MAX_SAFE_INTEGER,
    },
    { name: 'a negative attempted version', actorId: 'order-1', attemptedVersion: -1, currentVersion: 4 },
    { name: 'an empty actor id', actorId: '', attemptedVersion: 1, currentVersion: 1 },
    { name: 'quotes in the actor id', actorId: 'say "hi"', attemptedVersion: 2, currentVersion: 3 },
    { name: 'unicode in the actor id', actorId: 'заказ-😀-注文', attemptedVersion: 2, currentVersion: 3 },
    {
      name: 'dots and wildcards in the actor id',
      actorId: 'tenant.a.*.>',
      attemptedVersion: 2,
      currentVersion: 3,
    },
    { name: 'a newline in the actor id', actorId: 'line1\nline2', attemptedVersion: 2, currentVersion: 3 },
  ])(
    'keeps exact fields and a readable message with $name',
    ({ actorId, attemptedVersion, currentVersion }) => {
      const err = new VersionConflictError({ actorId, attemptedVersion, currentVersion });
      expect(err.actorId).toBe(actorId);
      expect(err.attemptedVersion).toBe(attemptedVersion);
      expect(err.currentVersion).toBe(currentVersion);
      expect(err.code).toBe('VERSION_CONFLICT');
      expect(err.message).toContain('version conflict');
      // The id is quoted as JSON, so an empty id or one with quotes or newlines stays unambiguous
      // and the message stays on one line.
      expect(err.message).toContain(JSON.stringify(actorId));
      expect(err.message).not.toContain('\n');
      expect(err.message).toContain(`attempted version ${attemptedVersion}`);
      expect(err.message).toContain(`current version is ${currentVersion}`);
    },
  );

  it('shows a plain actor id verbatim', () => {
    const err = new VersionConflictError({ actorId: 'заказ-😀', attemptedVersion: 1, currentVersion: 1 });
    expect(err.message).toContain('заказ-😀');
  });
});
