import type { AnyEvent, Event } from '@aether/core';
import { InMemoryEventStore } from '@aether/store-memory';
import { describe, expect, it } from 'vitest';
import { OrderClosedError, orderDecider } from '../examples/order-decider.js';
import { DeciderSpec } from './decider-spec.js';
import { SpecFailure } from './spec-failure.js';

const placed = { eventType: 'OrderPlaced', data: { customer: 'Ada' } } as const;
const tea = { eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 2 } } as const;
const spec = DeciderSpec.for(orderDecider);

async function failureOf(check: Promise<void>): Promise<SpecFailure> {
  const error = await check.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SpecFailure);
  return error as SpecFailure;
}

describe('DeciderSpec.then', () => {
  it('passes when the events match in type and data, whatever the order of keys', async () => {
    await spec
      .given([placed])
      .when({ type: 'AddItem', sku: 'TEA', quantity: 2 })
      .then([{ eventType: 'ItemAdded', data: { quantity: 2, sku: 'TEA' } }]);
  });

  it('fails with a readable diff: - expected, + actual, matching events once', async () => {
    const failure = await failureOf(
      spec
        .given([placed])
        .when({ type: 'AddItem', sku: 'TEA', quantity: 3 })
        .then([tea, { eventType: 'OrderShipped', data: { carrier: 'DHL' } }]),
    );
    expect(failure.message).toBe(
      [
        'decide produced other events than expected:',
        '  - expected',
        '  + actual',
        '  - 1. ItemAdded {"quantity":2,"sku":"TEA"}',
        '  + 1. ItemAdded {"quantity":3,"sku":"TEA"}',
        '  - 2. OrderShipped {"carrier":"DHL"}',
      ].join('\n'),
    );
    expect(failure.expected).toEqual([tea, { eventType: 'OrderShipped', data: { carrier: 'DHL' } }]);
    expect(failure.actual).toEqual([{ eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 3 } }]);
  });

  it('fails when decide throws, naming the error and keeping it as the cause', async () => {
    const failure = await failureOf(spec.when({ type: 'AddItem', sku: 'TEA', quantity: 1 }).then([tea]));
    expect(failure.message).toBe(
      'expected 1 event, but decide threw OrderClosedError: the order is none: no more changes',
    );
    expect(failure.cause).toBeInstanceOf(OrderClosedError);
  });

  it('compares metadata only where the expected event gives some', async () => {
    const tagging = {
      ...orderDecider,
      decide: () => [{ ...placed, metadata: { source: 'web', user: 'ada' } }],
    };
    const tagged = DeciderSpec.for(tagging);
    const command = { type: 'PlaceOrder', customer: 'Ada' } as const;
    await tagged.when(command).then([placed]);
    await tagged.when(command).then([{ ...placed, metadata: { source: 'web' } }]);
    const failure = await failureOf(tagged.when(command).then([{ ...placed, metadata: { source: 'app' } }]));
    expect(failure.message).toContain('  + 1. OrderPlaced {"customer":"Ada"} {"source":"web"}');
  });

  it('says what to do when when() itself is awaited, instead of waiting forever', async () => {
    const when = spec.when({ type: 'PlaceOrder', customer: 'Ada' });
    await expect(async () => {
      // TypeScript refuses this line without the cast: what JavaScript users get is the error below.
      await (when as unknown as PromiseLike<void>);
    }).rejects.toThrow('then() takes the expected events as an array');
  });
});

describe('DeciderSpec.thenNothing', () => {
  it('passes when decide produces no events', async () => {
    await spec.given([placed]).when({ type: 'Ship', carrier: 'DHL' }).thenNothing();
  });

  it('fails listing the events decide produced', async () => {
    const failure = await failureOf(
      spec.given([placed]).when({ type: 'AddItem', sku: 'TEA', quantity: 2 }).thenNothing(),
    );
    expect(failure.message).toBe(
      'expected no events, but decide produced:\n    1. ItemAdded {"quantity":2,"sku":"TEA"}',
    );
  });
});

describe('DeciderSpec.thenThrows', () => {
  const closed = spec.when({ type: 'Ship', carrier: 'DHL' });

  it('passes for an instance of the class, and runs the check', async () => {
    const seen: unknown[] = [];
    await closed.thenThrows(OrderClosedError, (error) => void seen.push(error.status));
    expect(seen).toEqual(['none']);
  });

  it('fails when the check returns false, and lets an assertion inside the check through', async () => {
    const failure = await failureOf(
      closed.thenThrows(OrderClosedError, (error) => error.status === 'shipped'),
    );
    expect(failure.message).toBe(
      'decide threw OrderClosedError: the order is none: no more changes, which did not pass the check',
    );
    const inner = new Error('inner assertion');
    await expect(
      closed.thenThrows(OrderClosedError, () => {
        throw inner;
      }),
    ).rejects.toBe(inner);
  });

  it('fails for another error class, and when nothing is thrown', async () => {
    const other = await failureOf(closed.thenThrows(TypeError));
    expect(other.message).toBe(
      'expected decide to throw TypeError, but it threw OrderClosedError: the order is none: no more changes',
    );
    const none = await failureOf(
      spec.when({ type: 'PlaceOrder', customer: 'Ada' }).thenThrows(OrderClosedError),
    );
    expect(none.message).toBe(
      'expected decide to throw OrderClosedError, but it produced:\n    1. OrderPlaced {"customer":"Ada"}',
    );
  });
});

describe('DeciderSpec envelopes', () => {
  it('gives the given events one actor, versions from 1, UUID v7 ids and the time of the spec', async () => {
    const seen: AnyEvent[] = [];
    const recording = {
      ...orderDecider,
      evolve: (
        state: ReturnType<typeof orderDecider.initialState>,
        event: Parameters<typeof orderDecider.evolve>[1],
      ) => {
        seen.push(event);
        return orderDecider.evolve(state, event);
      },
    };
    const at = Date.UTC(2026, 0, 1);
    await DeciderSpec.for(recording, { now: () => at })
      .given([placed, tea])
      .when({ type: 'Ship', carrier: 'DHL' })
      .then([{ eventType: 'OrderShipped', data: { carrier: 'DHL' } }]);
    expect(seen.map((event) => event.version)).toEqual([1, 2]);
    expect(new Set(seen.map((event) => event.actorId)).size).toBe(1);
    expect(seen[0]?.actorId).toMatch(/^spec-/);
    expect(seen.every((event) => event.timestamp.getTime() === at)).toBe(true);
    expect(seen[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(seen[0]?.id).not.toBe(seen[1]?.id);
  });
});

describe('DeciderSpec with a store', () => {
  it('saves the given events, runs handleCommand, and disposes of the store, pass or fail', async () => {
    const stores: InMemoryEventStore[] = [];
    const disposed: InMemoryEventStore[] = [];
    const onStore = DeciderSpec.for(orderDecider, {
      store: {
        open: () => {
          const store = new InMemoryEventStore();
          stores.push(store);
          return store;
        },
        dispose: (store: InMemoryEventStore) => void disposed.push(store),
      },
    });
    await onStore.given([placed]).when({ type: 'AddItem', sku: 'TEA', quantity: 2 }).then([tea]);
    await failureOf(onStore.given([placed]).when({ type: 'AddItem', sku: 'TEA', quantity: 2 }).thenNothing());
    expect(disposed).toEqual(stores);
    const log = await stores[0]?.readAll();
    expect(log?.map(({ event }) => [event.eventType, event.version])).toEqual([
      ['OrderPlaced', 1],
      ['ItemAdded', 2],
    ]);
  });

  it('gives every run an actor of its own, so specs may share one store', async () => {
    const shared = new InMemoryEventStore();
    const onShared = DeciderSpec.for(orderDecider, { store: { open: () => shared } });
    await onShared.when({ type: 'PlaceOrder', customer: 'Ada' }).then([placed]);
    await onShared.when({ type: 'PlaceOrder', customer: 'Ada' }).then([placed]);
    const actors = (await shared.readAll()).map(({ event }) => event.actorId);
    expect(new Set(actors).size).toBe(2);
  });

  it('reports a malformed decision as the ValidationError handleCommand throws', async () => {
    const broken = { ...orderDecider, decide: () => [{ eventType: 'OrderPlaced', data: 'Ada' }] as never };
    const onStore = DeciderSpec.for(broken, { store: { open: () => new InMemoryEventStore() } });
    const failure = await failureOf(onStore.when({ type: 'PlaceOrder', customer: 'Ada' }).then([placed]));
    expect(failure.message).toBe(
      'expected 1 event, but decide threw ValidationError: invalid decision[0].data: must be a JSON object, got "Ada"',
    );
  });

  it('fails when the store does not hold what handleCommand reported', async () => {
    class ForgetfulStore extends InMemoryEventStore {
      override async getEvents(): Promise<Event[]> {
        return [];
      }
    }
    const onStore = DeciderSpec.for(orderDecider, { store: { open: () => new ForgetfulStore() } });
    const failure = await failureOf(onStore.when({ type: 'PlaceOrder', customer: 'Ada' }).then([placed]));
    expect(failure.message).toMatch(
      /^the store holds other new events \(none\) than handleCommand reported \(1:[0-9a-f-]+\)$/,
    );
  });
});
