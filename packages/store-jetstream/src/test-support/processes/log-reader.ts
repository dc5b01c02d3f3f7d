/**
 * A reader process of the slow-subscriber test: it subscribes to the store's log from its end,
 * then reads only when told to, so the test can see what a subscription holds while its reader
 * does not read. Built to `dist/test-support/processes/log-reader.js`, run with
 * `node --expose-gc` and the JSON `LogReaderTask` as its only argument. Commands on stdin, one a
 * line: `heap` (answers `{"type":"heap","bytes"}`, the heap in use after a full collection),
 * `read <count>` (reads `count` events, answers `{"type":"read","positions"}`) and `exit` (answers
 * with its report and exits).
 */
import { createInterface } from 'node:readline';
import type { RecordedEvent } from '@aether/core';
import { JetStreamEventStore } from '../../jetstream-event-store.js';

export interface LogReaderTask {
  servers: string;
  storeName: string;
}

export interface LogReaderReport {
  type: 'report';
}

function heapBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function run(task: LogReaderTask): Promise<void> {
  const store = await JetStreamEventStore.connect({ servers: task.servers, storeName: task.storeName });
  const subscription = store.subscribe({ after: 'end' });
  const after = await subscription.caughtUp;
  const iterator = subscription[Symbol.asyncIterator]();
  send({ type: 'ready', after, heapBytes: heapBytes() });
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, argument] = line.split(' ');
    if (command === 'heap') send({ type: 'heap', bytes: heapBytes() });
    if (command === 'read') {
      const positions: number[] = [];
      while (positions.length < Number(argument)) {
        const next: IteratorResult<RecordedEvent> = await iterator.next();
        if (next.done === true) break;
        positions.push(next.value.position);
      }
      send({ type: 'read', positions });
    }
    if (command === 'exit') {
      send({ type: 'report' } satisfies LogReaderReport);
      break;
    }
  }
  await subscription.close();
  await store.close();
  process.exit(0);
}

function send(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

const task = JSON.parse(process.argv[2] ?? '{}') as LogReaderTask;
run(task).catch((err: unknown) => {
  process.stderr.write(`log reader failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
