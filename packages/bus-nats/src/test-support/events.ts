import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@aether/core';

let counter = 0;

/** A valid event; `overrides` replace any field. */
export function makeEvent(overrides: Partial<AnyEvent> = {}): AnyEvent {
  counter++;
  return {
    id: `evt-${counter}-${randomUUID()}`,
    eventType: 'OrderPlaced',
    actorId: 'order-1',
    version: counter,
    data: { counter },
    timestamp: new Date(1_700_000_000_000 + counter),
    ...overrides,
  };
}

/** Reads `count` items from an async iterable, failing after `timeoutMs`. */
export async function take<T>(iterable: AsyncIterable<T>, count: number, timeoutMs = 5000): Promise<T[]> {
  const iterator = iterable[Symbol.asyncIterator]();
  const out: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms with ${out.length} of ${count}`)),
      timeoutMs,
    );
  });
  try {
    while (out.length < count) {
      const result = await Promise.race([iterator.next(), deadline]);
      if (result.done === true) throw new Error(`ended after ${out.length} of ${count}`);
      out.push(result.value);
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}
