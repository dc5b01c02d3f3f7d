import { ValidationError } from '../errors/validation-error.js';
import type { OverflowPolicy, SubscribeOptions } from '../event-bus.js';
import { kindOf } from '../validation/freeze-json.js';
import { compileDeliveryFilter, type DeliveryFilter } from './delivery-filter.js';

export const defaultBufferSize = 1024;
export const defaultOverflow: OverflowPolicy = 'drop-oldest';
const policies: readonly OverflowPolicy[] = ['drop-oldest', 'drop-newest', 'error'];

/** A subscription's validated settings. */
export interface ResolvedSubscription {
  namespacePattern: string;
  filter: DeliveryFilter;
  bufferSize: number;
  overflow: OverflowPolicy;
}

/** Validates `subscribe`'s arguments (they may come from untyped callers); throws `ValidationError`. */
export function resolveSubscription(namespacePattern: unknown, options: unknown): ResolvedSubscription {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new ValidationError('options', `must be an object, got ${kindOf(options)}`);
  }
  const { eventTypes, actorPattern, bufferSize, overflow } = (options ?? {}) as Record<
    keyof SubscribeOptions,
    unknown
  >;
  const filter = compileDeliveryFilter({
    namespacePattern: namespacePattern as string,
    eventTypes: eventTypes as readonly string[] | undefined,
    actorPattern: actorPattern as string | undefined,
  });
  return {
    namespacePattern: namespacePattern as string,
    filter,
    bufferSize: checkBufferSize(bufferSize),
    overflow: checkOverflow(overflow),
  };
}

function checkBufferSize(value: unknown): number {
  if (value === undefined) return defaultBufferSize;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError('bufferSize', `must be a positive safe integer, got ${String(value)}`);
  }
  return value;
}

function checkOverflow(value: unknown): OverflowPolicy {
  if (value === undefined) return defaultOverflow;
  if (!policies.includes(value as OverflowPolicy)) {
    throw new ValidationError(
      'overflow',
      `must be one of ${policies.map((p) => `'${p}'`).join(', ')}, got ${typeof value === 'string' ? JSON.stringify(value) : kindOf(value)}`,
    );
  }
  return value as OverflowPolicy;
}
