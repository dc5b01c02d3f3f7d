import { UpcastingError } from '../errors/upcasting-error.js';
import type { UpcastStep, Upcasts } from './upcaster-chain.js';

/**
 * The steps of `eventType`'s chain, checked: upcasters to versions 2, 3, ... with no gap, each a
 * function. The types catch most mistakes; this catches the rest (casts, plain JavaScript) when the
 * chains are registered, never on a read.
 */
export function checkChain(eventType: string, chain: unknown): readonly UpcastStep[] {
  const steps = (chain as Partial<Upcasts<unknown>> | null)?.steps;
  if (typeof chain !== 'object' || chain === null || !Array.isArray(steps)) {
    throw invalid(eventType, `must be a chain made with upcast<V1>().to(2, ...), got ${kindOf(chain)}`);
  }
  steps.forEach((step: Partial<UpcastStep> | null, index) => {
    const expected = index + 2;
    const version = step?.version;
    if (version !== expected) {
      throw invalid(eventType, wrongVersion(steps as UpcastStep[], index, expected));
    }
    if (typeof step?.up !== 'function') {
      throw invalid(
        eventType,
        `has a step to version ${expected} that is not a function (got ${kindOf(step?.up)})`,
      );
    }
  });
  return steps;
}

function wrongVersion(steps: readonly UpcastStep[], index: number, expected: number): string {
  const path = ['1', ...steps.map((step) => String(step?.version))].join(' → ');
  const found = steps[index]?.version;
  if (typeof found === 'number' && Number.isSafeInteger(found) && found > expected) {
    return (
      `has a gap: it goes ${path}, so nothing makes version ${expected}; ` +
      `add .to(${expected}, ...) before the step to ${found}`
    );
  }
  return (
    `goes ${path}: after version ${expected - 1} the next step must be to version ${expected}; ` +
    'versions count up by one from 1'
  );
}

function invalid(eventType: string, problem: string): UpcastingError {
  return new UpcastingError('CHAIN_INVALID', {
    eventType,
    message: `the upcaster chain of ${JSON.stringify(eventType)} ${problem}; nothing was registered`,
  });
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object without steps' : typeof value;
}
