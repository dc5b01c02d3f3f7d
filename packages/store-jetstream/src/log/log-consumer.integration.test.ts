import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fillLog } from '../test-support/log-kit.js';
import { manager, testConnection, testStore, uniqueStoreName } from '../test-support/nats.js';
import { LogConsumer, type LogMessage } from './log-consumer.js';

const nc = await testConnection();

/** A store holding `events` events, and a log consumer over it from the first, recording what it hears. */
async function consumerOver(events: number) {
  const store = await testStore(nc, { storeName: uniqueStoreName('log-consumer') });
  await fillLog(store, { prefix: `consumer-${randomUUID()}`, actors: 7, events });
  const subjectPrefix = store.config.subjectPrefix;
  const messages: LogMessage[] = [];
  const failures: unknown[] = [];
  let onPulled = () => {};
  // Resolves once `condition` holds after a pull ended or the consumer failed (or at once).
  const pulledUntil = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      onPulled = () => {
        if (condition()) resolve();
      };
      onPulled();
    });
  const consumer = await LogConsumer.open(
    {
      nc,
      jsm: await manager(nc),
      stream: store.stream,
      filterSubject: `${subjectPrefix}.*`,
      maxMessageBytes: nc.info?.max_payload ?? 1024 * 1024,
      cleanup: () => undefined,
    },
    1,
    {
      message: (message) => messages.push(message),
      pulled: () => onPulled(),
      failed: (error) => {
        failures.push(error);
        onPulled();
      },
    },
  );
  return { consumer, messages, failures, pulledUntil };
}

describe('the log consumer', () => {
  it('keeps several pulls under way at once: the log comes in order, each message once, and nothing is owed after', async () => {
    const { consumer, messages, failures, pulledUntil } = await consumerOver(50);
    try {
      consumer.pull(20, 5_000);
      consumer.pull(20, 5_000);
      consumer.pull(10, 5_000);
      expect(consumer.outstanding).toBe(50);
      await pulledUntil(() => consumer.outstanding === 0 || failures.length > 0);
      expect(messages.map(({ seq }) => seq)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
      expect(consumer.outstanding).toBe(0);
      expect(failures).toEqual([]);
    } finally {
      consumer.close();
    }
  });

  it('stops counting on what a pull that ends early will not deliver, so the reader can pull again', async () => {
    const { consumer, messages, failures, pulledUntil } = await consumerOver(5);
    try {
      // Together they ask for more than the log holds: the server ends them when they expire, and
      // says how many of their messages will not come.
      consumer.pull(4, 2_500);
      consumer.pull(10, 2_500);
      expect(consumer.outstanding).toBe(14);
      await pulledUntil(() => consumer.outstanding === 0 || failures.length > 0);
      expect(messages.map(({ seq }) => seq)).toEqual([1, 2, 3, 4, 5]);
      expect(consumer.outstanding).toBe(0);
      expect(failures).toEqual([]);
    } finally {
      consumer.close();
    }
  });
});
