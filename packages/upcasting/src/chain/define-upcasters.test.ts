import { describe, expect, it } from 'vitest';
import { findUpcastingError, isUpcastingError } from '../errors/upcasting-error.js';
import { orderUpcasters } from '../test-support/orders.js';
import { defineUpcasters } from './define-upcasters.js';
import { type UpcasterChain, upcast } from './upcaster-chain.js';

// Chains with mistakes the types would refuse, made past them as plain JavaScript would.
const untyped = (chain: unknown) => chain as UpcasterChain<number, unknown>;
const same = (data: unknown) => data as object;

function registrationError(register: () => unknown) {
  try {
    register();
  } catch (error) {
    const found = findUpcastingError(error, 'CHAIN_INVALID');
    if (found === undefined) throw error;
    return found;
  }
  throw new Error('registration did not fail');
}

describe('defineUpcasters', () => {
  it('knows each type’s current schema version: the chain’s last, 1 for a type without one', () => {
    expect(orderUpcasters.currentVersions).toEqual({ OrderPlaced: 3 });
    expect(orderUpcasters.currentVersion('OrderPlaced')).toBe(3);
    expect(orderUpcasters.currentVersion('ItemAdded')).toBe(1);
    expect(orderUpcasters.currentVersion('NeverHeardOf')).toBe(1);
  });

  it('accepts a chain with no steps (version 1) and no chains at all', () => {
    expect(defineUpcasters({ Unchanged: upcast() }).currentVersion('Unchanged')).toBe(1);
    expect(defineUpcasters({}).currentVersions).toEqual({});
  });

  it('refuses a chain with a gap, naming the type and the missing version', () => {
    const gap = untyped(upcast().to(2, same)).to(4, same);
    const error = registrationError(() => defineUpcasters({ OrderPlaced: gap }));
    expect(error.code).toBe('CHAIN_INVALID');
    expect(error.eventType).toBe('OrderPlaced');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      'the upcaster chain of "OrderPlaced" has a gap: it goes 1 → 2 → 4, so nothing makes version 3; ' +
        'add .to(3, ...) before the step to 4; nothing was registered',
    );
  });

  it('refuses a chain that does not start at version 2', () => {
    const error = registrationError(() => defineUpcasters({ A: untyped(upcast()).to(3, same) }));
    expect(error.message).toContain('nothing makes version 2');
  });

  it('refuses steps that repeat or go back a version', () => {
    const repeated = untyped(upcast().to(2, same)).to(2, same);
    expect(registrationError(() => defineUpcasters({ A: repeated })).message).toBe(
      'the upcaster chain of "A" goes 1 → 2 → 2: after version 2 the next step must be to version 3; ' +
        'versions count up by one from 1; nothing was registered',
    );
    const backwards = untyped(upcast().to(2, same).to(3, same)).to(1, same);
    expect(registrationError(() => defineUpcasters({ A: backwards })).message).toContain('1 → 2 → 3 → 1');
  });

  it('refuses a version that is not a whole number', () => {
    const fractional = untyped(upcast()).to(2.5, same);
    expect(registrationError(() => defineUpcasters({ A: fractional })).message).toContain(
      'after version 1 the next step must be to version 2',
    );
  });

  it('refuses a step that is not a function', () => {
    const notAFunction = untyped(upcast()).to(2, 'rename' as never);
    expect(registrationError(() => defineUpcasters({ A: notAFunction })).message).toBe(
      'the upcaster chain of "A" has a step to version 2 that is not a function (got string); nothing was registered',
    );
  });

  it.each([
    ['a function', () => 1, 'function'],
    ['an array', [], 'an array'],
    ['null', null, 'null'],
    ['an object without steps', { version: 2 }, 'an object without steps'],
  ])('refuses %s in place of a chain', (_label, chain, kind) => {
    const error = registrationError(() => defineUpcasters({ A: chain as never }));
    expect(error.message).toBe(
      `the upcaster chain of "A" must be a chain made with upcast<V1>().to(2, ...), got ${kind}; nothing was registered`,
    );
  });

  it('refuses something that is not an object of chains', () => {
    expect(
      isUpcastingError(
        registrationError(() => defineUpcasters(null as never)),
        'CHAIN_INVALID',
      ),
    ).toBe(true);
    expect(registrationError(() => defineUpcasters([] as never)).message).toContain('got an array');
  });

  it('takes hand-made chains in plain JavaScript when they are right', () => {
    const chain = { version: 2, steps: [{ version: 2, up: (data: { a: number }) => ({ b: data.a }) }] };
    expect(defineUpcasters({ A: chain as never }).currentVersion('A')).toBe(2);
  });
});
