import { randomUUID } from 'node:crypto';
import { natsUrl } from '@aether/nats-harness/vitest';
import { describe, expect, it } from 'vitest';
import { fillLog, isEveryPosition } from './test-support/log-kit.js';
import { makeEvent, testConnection, testStore, uniqueStoreName } from './test-support/nats.js';
import { spawnLogReader } from './test-support/worker-processes.js';

/** How long the reader stops reading. */
const pauseMs = 60_000;
const events = 100_000;

describe('a subscriber that stops reading while the log grows', () => {
  it(`holds bounded memory for ${pauseMs / 1000} s while ${events.toLocaleString('en')} events are saved, then drains them all`, async () => {
    const nc = await testConnection();
    const storeName = uniqueStoreName('log-slow-reader');
    const store = await testStore(nc, { storeName });
    const reader = spawnLogReader({ servers: natsUrl(), storeName });
    const answers: Array<{ type: string; bytes?: number; positions?: number[] }> = [];
    const waiters: Array<() => void> = [];
    reader.onMessage((message) => {
      answers.push(message as (typeof answers)[number]);
      waiters.shift()?.();
    });
    const ask = async (line: string) => {
      const answered = new Promise<void>((resolve) => waiters.push(resolve));
      reader.send(line);
      await answered;
      return answers.at(-1) as (typeof answers)[number];
    };
    await reader.ready;
    const start = await store.headPosition();

    // It reads one event, then stops reading: its subscription has a pull out for more.
    await store.saveEvent(makeEvent(`slow-first-${randomUUID()}`, 1));
    expect((await ask('read 1')).positions).toEqual([start + 1]);
    const stoppedAt = performance.now();
    const before = (await ask('heap')).bytes as number;

    await fillLog(store, { prefix: `slow-${randomUUID()}`, actors: 1_000, events });
    // The pause itself is what is tested: a reader that does nothing for this long.
    await new Promise((resolve) => setTimeout(resolve, pauseMs - (performance.now() - stoppedAt)));
    const during = (await ask('heap')).bytes as number;

    const drained = (await ask(`read ${events}`)).positions as number[];
    expect(isEveryPosition(drained, start + 2, start + 1 + events)).toBe(true);
    const growth = during - before;
    console.log(
      `[log slow reader] heap ${(before / 2 ** 20).toFixed(1)} MiB after its last read, ` +
        `${(during / 2 ** 20).toFixed(1)} MiB after ${events} events were saved and ${pauseMs / 1000} s without reading ` +
        `(${(growth / 2 ** 20).toFixed(2)} MiB more); then it read all ${drained.length}`,
    );
    // Buffering the events it did not read would cost tens of MiB; a pull's worth is well under 4.
    expect(growth).toBeLessThan(4 * 2 ** 20);
    await ask('exit');
    await reader.report;
  }, 300_000);
});
