import { describe, expect, it, vi } from 'vitest';
import { findVersionConflict, isVersionConflict, VersionConflictError } from './version-conflict-error.js';

const conflict = () =>
  new VersionConflictError({ actorId: 'order-1', attemptedVersion: 2, currentVersion: 3 });

function wrap(inner: unknown, levels: number): Error {
  let err = inner;
  for (let level = 0; level < levels; level++) err = new Error(`level ${level}`, { cause: err });
  return err as Error;
}

describe('isVersionConflict', () => {
  it('is true for a VersionConflictError', () => {
    expect(isVersionConflict(conflict())).toBe(true);
  });

  it.each([1, 2, 5, 20])('is true when the cause chain holds one %i level(s) down', (levels) => {
    const err = wrap(conflict(), levels);
    expect(err).not.toBeInstanceOf(VersionConflictError);
    expect(isVersionConflict(err)).toBe(true);
  });

  it('is true for an AggregateError-style wrapper whose cause is a conflict', () => {
    const err = new AggregateError([], 'save failed', { cause: conflict() });
    expect(isVersionConflict(err)).toBe(true);
  });

  it('is true for an error made by a second copy of the package, where instanceof fails', async () => {
    vi.resetModules();
    const copy = await import('./version-conflict-error.js');
    expect(copy.VersionConflictError).not.toBe(VersionConflictError);

    const foreign = new copy.VersionConflictError({
      actorId: 'order-1',
      attemptedVersion: 2,
      currentVersion: 3,
    });
    expect(foreign instanceof VersionConflictError).toBe(false);
    expect(conflict() instanceof copy.VersionConflictError).toBe(false);

    expect(isVersionConflict(foreign)).toBe(true);
    expect(isVersionConflict(wrap(foreign, 3))).toBe(true);
    // and the other way round
    expect(copy.isVersionConflict(conflict())).toBe(true);
    expect(findVersionConflict(wrap(foreign, 2))).toBe(foreign);
  });

  it('recognises the brand even on an error from another realm, where Error itself differs', async () => {
    const { runInNewContext } = await import('node:vm');
    const brand = Symbol.for('@aether/core.VersionConflictError');
    const foreign: unknown = runInNewContext(
      `(() => { const e = new Error('x'); Object.defineProperty(e, brand, { value: true }); return e; })()`,
      { brand },
    );
    expect(foreign instanceof Error).toBe(false);
    expect(isVersionConflict(foreign)).toBe(true);
  });

  it('is true for an error from an older or foreign build that carries the code and fields', () => {
    const err = Object.assign(new Error('conflict'), {
      code: 'VERSION_CONFLICT',
      actorId: 'a',
      attemptedVersion: 1,
      currentVersion: 1,
    });
    expect(isVersionConflict(err)).toBe(true);
  });

  it.each([
    ['a plain Error', new Error('version conflict for actor "a"')],
    ['a TypeError', new TypeError('nope')],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'VERSION_CONFLICT'],
    ['a number', 42],
    ['an empty object', {}],
    [
      'a plain object with all the fields',
      { code: 'VERSION_CONFLICT', actorId: 'a', attemptedVersion: 1, currentVersion: 1 },
    ],
    [
      'an Error with the code but a numeric actorId',
      Object.assign(new Error('x'), {
        code: 'VERSION_CONFLICT',
        actorId: 1,
        attemptedVersion: 1,
        currentVersion: 1,
      }),
    ],
    [
      'an Error with the code but string versions',
      Object.assign(new Error('x'), {
        code: 'VERSION_CONFLICT',
        actorId: 'a',
        attemptedVersion: '1',
        currentVersion: '1',
      }),
    ],
    ['an Error with the code only', Object.assign(new Error('x'), { code: 'VERSION_CONFLICT' })],
    [
      'an Error with the fields but another code',
      Object.assign(new Error('x'), { code: 'OTHER', actorId: 'a', attemptedVersion: 1, currentVersion: 1 }),
    ],
    ['an object whose brand is not true', { [Symbol.for('@aether/core.VersionConflictError')]: 'yes' }],
    ['a chain of plain errors', wrap(new Error('root'), 4)],
  ])('is false for %s', (_name, value) => {
    expect(isVersionConflict(value)).toBe(false);
    expect(findVersionConflict(value)).toBeUndefined();
  });

  it('terminates on a cyclic cause chain', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.defineProperty(a, 'cause', { value: b });
    expect(isVersionConflict(a)).toBe(false);

    const self = new Error('self');
    Object.defineProperty(self, 'cause', { value: self });
    expect(isVersionConflict(self)).toBe(false);
  });

  it('still finds a conflict that sits before a cycle', () => {
    const inner = new Error('inner');
    const found = new VersionConflictError(
      { actorId: 'a', attemptedVersion: 1, currentVersion: 1 },
      { cause: inner },
    );
    Object.defineProperty(inner, 'cause', { value: found });
    expect(findVersionConflict(new Error('outer', { cause: found }))).toBe(found);
  });
});

describe('findVersionConflict', () => {
  it('returns the error itself', () => {
    const err = conflict();
    expect(findVersionConflict(err)).toBe(err);
  });

  it('returns the conflict from deep in the chain, with its fields', () => {
    const err = conflict();
    const found = findVersionConflict(wrap(err, 6));
    expect(found).toBe(err);
    expect(found?.currentVersion).toBe(3);
  });

  it('returns the outermost conflict when several are chained', () => {
    const inner = conflict();
    const outer = new VersionConflictError(
      { actorId: 'order-1', attemptedVersion: 2, currentVersion: 4 },
      { cause: inner },
    );
    expect(findVersionConflict(new Error('wrapper', { cause: outer }))).toBe(outer);
  });
});
