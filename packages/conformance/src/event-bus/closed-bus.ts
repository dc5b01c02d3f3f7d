import { describe, expect, it } from 'vitest';
import type { BusFixture } from '../bus-kit/bus-fixture.js';
import { returnedPromise } from '../bus-kit/outcomes.js';

export function closedBusTests({ newBus, events }: BusFixture): void {
  describe('a closed bus', () => {
    it('rejects publish with an error saying the bus is closed, throws on subscribe, and closes again quietly', async () => {
      const bus = await newBus();
      await bus.close();
      const published = returnedPromise(() => bus.publish('orders', events.next()));
      await expect(published).rejects.toThrow(/closed/i);
      expect(() => bus.subscribe('orders')).toThrow(/closed/i);
      await expect(bus.close()).resolves.toBeUndefined();
    });
  });
}
