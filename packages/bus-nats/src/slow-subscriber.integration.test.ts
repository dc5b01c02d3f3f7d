import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { natsUrl } from '@aether/nats-harness/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { ownedBus, settle, uniquePrefix } from './test-support/nats.js';
import { BusWorker } from './test-support/worker-processes.js';

// A full garbage collection for heap measurements, without starting vitest with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const count = 100_000;
const workers: BusWorker[] = [];
afterAll(() => Promise.all(workers.map((worker) => worker.stop())));

describe('a subscriber that never reads', () => {
  it('100,000 events: memory stays bounded, drops are counted exactly, the publisher and the other subscriber are not slowed', async () => {
    const subjectPrefix = uniquePrefix('slow');
    const publisher = await BusWorker.start({ servers: natsUrl(), subjectPrefix, nodeId: 'publisher' });
    workers.push(publisher);

    // The publisher alone first, on a namespace nobody listens to: its pace without subscribers.
    const alone = await publisher.generate('nobody', count, 'warm');

    const subscriber = await ownedBus({ subjectPrefix });
    const baseline = heapUsed();
    const idle = subscriber.subscribe('orders'); // default buffer: 1024 events, 'drop-oldest'
    // Room for what arrives between two turns of its loop (nats.js parses a whole socket read at once).
    const reader = subscriber.subscribe('orders', { bufferSize: count });
    let read = 0;
    let inOrder = true;
    let mostBuffered = 0;
    const reading = (async () => {
      for await (const { event } of reader) {
        if ((event.data as { index: number }).index !== read) inOrder = false;
        read++;
        mostBuffered = Math.max(mostBuffered, idle.buffered);
        if (read === count) break;
      }
    })();
    await settle(publisher, subscriber);

    const watched = await publisher.generate('orders', count, 'live');
    await settle(publisher, subscriber);
    if (read < count) reader.unsubscribe(); // ends the loop: the checks below then say what was missing
    await reading;

    expect(read).toBe(count);
    expect(inOrder).toBe(true);
    expect(reader.dropped).toBe(0);
    expect(idle.dropped).toBe(count - 1024);
    expect(idle.buffered).toBe(1024);
    expect(mostBuffered).toBeLessThanOrEqual(1024);
    // 1,024 buffered events of ~250 bytes; unbounded, 100,000 would hold about 100 MB.
    const grown = heapUsed() - baseline;
    expect(grown).toBeLessThan(16 * 1024 * 1024);
    // The publisher never waits for a subscriber: its pace does not depend on one that never reads.
    // (Generous bound: on a loaded 2-core machine the subscriber's process competes for CPU.)
    expect(watched.ms).toBeLessThan(alone.ms * 5 + 2000);
    const oldest = await idle[Symbol.asyncIterator]().next();
    expect(oldest.value?.event.id).toBe(`live-${count - 1024}`);
    console.info(
      `100,000 events: publisher ${Math.round(alone.ms)} ms alone, ${Math.round(watched.ms)} ms with the idle subscriber; ` +
        `heap grew ${(grown / 1024 / 1024).toFixed(1)} MiB`,
    );
  }, 240_000);
});
