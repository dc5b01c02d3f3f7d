// README:start
import { DeciderSpec } from '../index.js';
import { orderDecider } from './order-decider.js';

export async function main(): Promise<string[]> {
  try {
    await DeciderSpec.for(orderDecider)
      .given([{ eventType: 'OrderPlaced', data: { customer: 'Ada' } }])
      .when({ type: 'AddItem', sku: 'TEA', quantity: 3 })
      .then([
        { eventType: 'ItemAdded', data: { sku: 'TEA', quantity: 2 } },
        { eventType: 'OrderShipped', data: { carrier: 'DHL' } },
      ]);
    return ['passed'];
  } catch (error) {
    return (error as Error).message.split('\n'); // what your test runner prints
  }
}
// README:end
