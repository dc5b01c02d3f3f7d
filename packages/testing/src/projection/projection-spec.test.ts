import { type AnyEvent, isValidationError, type RecordedEvent } from '@aether/core';
import type { Projection } from '@aether/projections';
import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../examples/order-decider.js';
import { type OrderTotal, orderTotals } from '../examples/order-totals-projection.js';
import { SpecFailure } from '../spec/spec-failure.js';
import { ProjectionSpec } from './projection-spec.js';

const added = (actorId: string, quantity: number) =>
  ({ actorId, eventType: 'ItemAdded', data: { sku: 'TEA', quantity } }) as const;
const placed = (actorId: string) =>
  ({ actorId, eventType: 'OrderPlaced', data: { customer: 'Ada' } }) as const;
const history = [placed('a'), added('a', 2), placed('b'), added('b', 5), added('a', 1)];

/** The idempotent projection of the README: keyed on each order's last applied version. */
const totals = (batchSize: number) =>
  ProjectionSpec.for(
    () => {
      const rows = new Map<string, OrderTotal>();
      return { projection: orderTotals(rows), read: () => rows };
    },
    { batchSize },
  );

/** Adds every ItemAdded it is given: right once, wrong on any redelivery. */
function naive(items: Map<string, number>): Projection<OrderEvent, undefined> {
  return {
    name: 'naive',
    async apply(batch) {
      for (const { event } of batch) {
        if (event.eventType === 'ItemAdded')
          items.set(event.actorId, (items.get(event.actorId) ?? 0) + event.data.quantity);
      }
    },
  };
}
const naiveSpec = ProjectionSpec.for(() => {
  const items = new Map<string, number>();
  return { projection: naive(items), read: () => Object.fromEntries(items) };
});

/** A projection that records the positions of every batch it is given, and an optional failure. */
function recording(
  options: { eventTypes?: string[]; fails?: (recorded: RecordedEvent<AnyEvent>) => boolean } = {},
) {
  const batches: number[][] = [];
  const applied: RecordedEvent<AnyEvent>[] = [];
  const projection: Projection<AnyEvent, undefined> = {
    name: 'recording',
    ...(options.eventTypes === undefined ? {} : { eventTypes: options.eventTypes }),
    async apply(batch) {
      if (batch.some((recorded) => options.fails?.(recorded))) throw new Error('boom');
      batches.push(batch.map(({ position }) => position));
      applied.push(...batch);
    },
  };
  return { projection, batches, applied };
}

async function failureOf(check: Promise<void>): Promise<SpecFailure> {
  const error = await check.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SpecFailure);
  return error as SpecFailure;
}

describe('ProjectionSpec', () => {
  const expected = new Map([
    ['a', { items: 3, version: 3 }],
    ['b', { items: 5, version: 2 }],
  ]);

  it.each([1, 2, 3, 100])(
    'passes an idempotent projection under every delivery, %i events per batch',
    async (size) => {
      const spec = totals(size).given(history);
      await spec.then(expected);
      await spec.whenDeliveredTwice().then(expected);
      await spec.whenCrashedAfterApply().then(expected);
    },
  );

  it('passes a naive counter delivered once, and fails it when a batch is delivered twice, saying why', async () => {
    await naiveSpec.given(history).then({ a: 3, b: 5 });
    const failure = await failureOf(naiveSpec.given(history).whenDeliveredTwice().then({ a: 3, b: 5 }));
    expect(failure.code).toBe('SPEC_FAILED');
    expect(failure.expected).toEqual({ a: 3, b: 5 });
    expect(failure.actual).toEqual({ a: 6, b: 10 });
    expect(failure.message.split('\n')).toEqual([
      'projection "naive": the read model is not the expected one after delivering each batch twice',
      '(a repeated delivery: the same batch applied again before its checkpoint):',
      '  - expected',
      '  + actual',
      '    {',
      '  -   "a": 3,',
      '  -   "b": 5',
      '  +   "a": 6,',
      '  +   "b": 10',
      '    }',
      'Delivered once, the read model is as expected: apply is not idempotent. Projections are delivered',
      'at least once (a checkpoint store whose exactlyOnce is false, such as memoryCheckpoints, applies a',
      'batch again after a crash before its checkpoint): keep what was applied with the read model, e.g.',
      "each actor's last version, and skip the events at or below it.",
    ]);
  });

  it('fails a naive counter after a crash after apply, naming the crash', async () => {
    const failure = await failureOf(naiveSpec.given(history).whenCrashedAfterApply().then({ a: 3, b: 5 }));
    expect(failure.message).toMatch(
      /^projection "naive": the read model is not the expected one after a crash after apply\n/,
    );
    expect(failure.message).toContain('  +   "a": 6,');
    expect(failure.message).toContain('apply is not idempotent');
  });

  it('says so when the read model is wrong even when delivered once', async () => {
    const failure = await failureOf(naiveSpec.given(history).whenDeliveredTwice().then({ a: 4, b: 10 }));
    expect(failure.message).toContain('\nDelivered once, it is not as expected either.');
    expect(failure.message).not.toContain('not idempotent');
    const once = await failureOf(naiveSpec.given(history).then({ a: 4, b: 5 }));
    expect(once.message.split('\n')).toEqual([
      'projection "naive": the read model is not the expected one after delivering each batch once:',
      '  - expected',
      '  + actual',
      '    {',
      '  -   "a": 4,',
      '  +   "a": 3,',
      '      "b": 5',
      '    }',
    ]);
  });

  it('still shows the diff when delivering once throws', async () => {
    let runs = 0;
    const spec = ProjectionSpec.for(() => {
      const broken = ++runs > 1; // the once run, after the failed twice run
      return {
        projection: {
          name: 'flaky',
          async apply() {
            if (broken) throw new Error('database gone');
          },
        },
        read: () => 'wrong',
      };
    });
    const failure = await failureOf(spec.given(history).whenDeliveredTwice().then('right'));
    expect(failure.message).toContain('  - "right"\n  + "wrong"');
    expect(failure.message).toMatch(
      /\nDelivered once, it fails too: projection "flaky" threw applying positions 1 to 5: Error: database gone$/,
    );
  });

  it('hands out the batches of each delivery in the order a runner would', async () => {
    const runs: number[][][] = [];
    const spec = ProjectionSpec.for(
      () => {
        const { projection, batches } = recording();
        runs.push(batches);
        return { projection, read: () => batches };
      },
      { batchSize: 2 },
    ).given(history);
    await spec.then([[1, 2], [3, 4], [5]]);
    await spec.whenDeliveredTwice().then([[1, 2], [1, 2], [3, 4], [3, 4], [5], [5]]);
    await spec.whenCrashedAfterApply().then([[1, 2], [1], [2], [3, 4], [3], [4], [5], [5]]);
    expect(runs).toHaveLength(3); // a fresh read model for every run
  });

  it("gives apply only the projection's event types, and skips a batch with none of them", async () => {
    const spec = ProjectionSpec.for(
      () => {
        const { projection, batches } = recording({ eventTypes: ['ItemAdded'] });
        return { projection, read: () => batches };
      },
      { batchSize: 2 },
    );
    await spec.given([placed('a'), placed('b'), added('a', 1), placed('c'), added('b', 2)]).then([[3], [5]]);
  });

  it('fills in the envelopes: ids, each actor’s versions from 1, the timestamp, positions in order', async () => {
    let seen: RecordedEvent<AnyEvent>[] = [];
    const spec = ProjectionSpec.for(
      () => {
        const { projection, applied } = recording();
        seen = applied;
        return { projection, read: () => applied.length };
      },
      { now: () => Date.UTC(2026, 0, 2) },
    );
    await spec.given(history).then(5);
    expect(seen.map(({ position, event }) => [position, event.actorId, event.version])).toEqual([
      [1, 'a', 1],
      [2, 'a', 2],
      [3, 'b', 1],
      [4, 'b', 2],
      [5, 'a', 3],
    ]);
    expect(new Set(seen.map(({ event }) => event.id)).size).toBe(5);
    expect(seen.every(({ event }) => event.timestamp.getTime() === Date.UTC(2026, 0, 2))).toBe(true);
    expect(seen[1]?.event).toMatchObject({ eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 2 } });
  });

  it('passes its tx to apply and disposes of every read model, also when apply throws', async () => {
    const txs: unknown[] = [];
    let disposed = 0;
    const spec = ProjectionSpec.for(() => ({
      projection: {
        name: 'throws-on-b',
        async apply(batch: readonly RecordedEvent<AnyEvent>[], tx: { client: string }) {
          txs.push(tx);
          if (batch.some(({ event }) => event.actorId === 'b')) throw new TypeError('no row for b');
        },
      },
      tx: { client: 'pg' },
      read: () => 'read',
      dispose: () => {
        disposed++;
      },
    }));
    await spec
      .given([added('a', 1)])
      .whenDeliveredTwice()
      .then('read');
    expect(txs).toEqual([{ client: 'pg' }, { client: 'pg' }]);
    const failure = await failureOf(spec.given([added('a', 1), added('b', 1)]).then('read'));
    expect(failure.message).toBe(
      'projection "throws-on-b" threw applying positions 1 to 2: TypeError: no row for b',
    );
    expect(failure.cause).toBeInstanceOf(TypeError);
    expect(disposed).toBe(2);
  });

  it('hands every delivery its own copy of the events: changing them in apply changes no later delivery', async () => {
    const spec = ProjectionSpec.for(() => {
      const quantities: number[] = [];
      const projection: Projection<OrderEvent, undefined> = {
        name: 'mutating',
        async apply(batch) {
          for (const { event } of batch) {
            if (event.eventType !== 'ItemAdded') continue;
            quantities.push(event.data.quantity);
            event.data.quantity = 0;
          }
        },
      };
      return { projection, read: () => quantities };
    });
    await spec
      .given([added('a', 2)])
      .whenDeliveredTwice()
      .then([2, 2]);
  });

  it('rejects with a SpecFailure when the given events are awaited without then()', async () => {
    const given = naiveSpec.given(history) as unknown as PromiseLike<unknown>;
    const failure = await failureOf(Promise.resolve(given).then(() => undefined));
    expect(failure.message).toBe(
      'then() takes the expected read model: await then(expected), not given() itself',
    );
  });

  it('refuses a batch size below 1', () => {
    expect(() =>
      ProjectionSpec.for(() => ({ projection: naive(new Map()), read: () => 0 }), { batchSize: 0 }),
    ).toThrow(expect.objectContaining({ field: 'batchSize' }));
    try {
      ProjectionSpec.for(() => ({ projection: naive(new Map()), read: () => 0 }), { batchSize: 1.5 });
      expect.unreachable();
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
    }
  });
});
