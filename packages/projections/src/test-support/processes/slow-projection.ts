/**
 * A projection worker process for the slow-apply test: it runs `runProjection` over a JetStream
 * store with memory checkpoints and an `apply` that takes `perEventMs` per event until told
 * `fast`. Built to `dist/test-support/processes/slow-projection.js`, run with
 * `node --expose-gc` and the JSON `SlowProjectionTask`. Commands on stdin, one answer each:
 * `status` (`{"type":"status","status","heapBytes","applied"}`, the heap after a full
 * collection), `fast`, `caught-up <timeoutMs>` (`{"type":"caught-up","position","rows",
 * "appliedTwice","outOfOrder"}`), `exit` (stops the runner, closes the store, `{"type":"report"}`).
 */
import { JetStreamEventStore } from '@aether/store-jetstream';
import { memoryCheckpoints, runProjection } from '../../index.js';
import { ReadModel } from './read-model.js';
import { fail, heapBytes, onCommands, send } from './stdio.js';

export interface SlowProjectionTask {
  servers: string[];
  storeName: string;
  name: string;
  batchSize: number;
  perEventMs: number;
}

async function run(task: SlowProjectionTask): Promise<void> {
  const store = await JetStreamEventStore.connect({ servers: task.servers, storeName: task.storeName });
  const model = new ReadModel();
  let perEventMs = task.perEventMs;
  let applied = 0;
  const runner = runProjection(
    store,
    {
      name: task.name,
      async apply(batch) {
        if (perEventMs > 0) await new Promise((resolve) => setTimeout(resolve, batch.length * perEventMs));
        for (const recorded of batch) model.apply(recorded);
        applied += batch.length;
      },
    },
    { checkpoints: memoryCheckpoints(), batchSize: task.batchSize },
  );
  send({ type: 'ready', heapBytes: heapBytes() });
  onCommands(async (line) => {
    const [command, argument] = line.split(' ');
    if (command === 'status')
      send({ type: 'status', status: runner.status(), heapBytes: heapBytes(), applied });
    if (command === 'fast') {
      perEventMs = 0;
      send({ type: 'fast' });
    }
    if (command === 'caught-up') {
      const position = await runner.whenCaughtUp({ timeoutMs: Number(argument) });
      send({
        type: 'caught-up',
        position,
        rows: model.rows(),
        appliedTwice: model.appliedTwice(),
        outOfOrder: model.outOfOrder,
      });
    }
    if (command === 'exit') {
      await runner.stop();
      await store.close();
      send({ type: 'report', status: runner.status() });
      process.stdin.destroy();
    }
  });
}

run(JSON.parse(process.argv[2] ?? '{}') as SlowProjectionTask).catch(fail);
