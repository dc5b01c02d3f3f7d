import { describe, expect, it } from 'vitest';
import { type OrderCommand, orderDecider } from '../test-support/domain/order.js';
import { predictable } from '../test-support/fixed-ids.js';
import { HookedStore } from '../test-support/hooked-store.js';
import { handleCommand } from './handle-command.js';

const addTea: OrderCommand = { type: 'AddItem', sku: 'TEA', quantity: 2 };

/** A store whose next save stores the batch and then fails, as when the acknowledgement is lost. */
function losingOneAck() {
  const store = new HookedStore();
  const timeout = Object.assign(new Error('timeout waiting for the acknowledgement'), { code: 'TIMEOUT' });
  store.beforeSave = async (events) => {
    store.beforeSave = undefined;
    await store.saveDirect(events);
    throw timeout;
  };
  return { store, timeout };
}

describe('handleCommand after a lost acknowledgement', () => {
  it('finds its batch stored and does not apply the command twice, when the error is retried', async () => {
    const { store } = losingOneAck();
    let decided = 0;
    const counting = {
      ...orderDecider,
      decide: (...args: Parameters<typeof orderDecider.decide>) => {
        decided++;
        return orderDecider.decide(...args);
      },
    };
    const result = await handleCommand(store, 'order-1', addTea, counting, {
      retry: { retryOn: () => true },
      clock: predictable().clock,
    });
    expect(decided).toBe(1);
    expect(result).toMatchObject({ version: 1, attempts: 2, state: { items: 2 } });
    const stored = await store.getEvents('order-1');
    expect(stored).toHaveLength(1);
    expect(result.events.map((event) => event.id)).toEqual(stored.map((event) => event.id));
  });

  it('hands the error back when retryOn does not retry it (the default: conflicts only)', async () => {
    const { store, timeout } = losingOneAck();
    await expect(handleCommand(store, 'order-1', addTea, orderDecider)).rejects.toBe(timeout);
  });
});
