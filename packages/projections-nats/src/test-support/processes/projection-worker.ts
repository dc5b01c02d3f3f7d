/**
 * A projection worker process: runs `runProjection` on a JetStream store's log with
 * `kvCheckpoints`, its `apply` appending one line per event (`holder actorId version position`)
 * to `appliedFile`, the read model the test rebuilds idempotently, keyed on (actorId, version).
 * Built to `dist/test-support/processes/projection-worker.js`, run with `node` and the JSON
 * `ProjectionWorkerTask` as its only argument. JSON lines on stdout: `{"type":"state",state}` on
 * each change of the runner's state, `{"type":"applying"}` and `{"type":"applied",last}` around
 * each apply, `{"type":"commit",outcome}` after each commit (`ok` or the error's code);
 * `{"type":"caught-up",position}` after a line `process <position>` on stdin.
 */
import { appendFileSync } from 'node:fs';
import { type CheckpointStore, isProjectionError, runProjection } from '@aether/projections';
import { JetStreamEventStore } from '@aether/store-jetstream';
import { connect } from '@nats-io/transport-node';
import { kvCheckpoints } from '../../checkpoints/kv-checkpoints.js';
import { onLines, runProcess, send } from './lines.js';

export interface ProjectionWorkerTask {
  servers: string;
  storeName: string;
  bucket: string;
  projection: string;
  holder: string;
  leaseTtlMs: number;
  batchSize: number;
  appliedFile: string;
  /** A slow read model: each apply takes this long, so a SIGSTOP can land inside one. */
  applyMs: number;
}

// Reports every commit's outcome, so the test sees a fenced worker's commit refused.
function reporting(checkpoints: CheckpointStore<undefined>): CheckpointStore<undefined> {
  return {
    ...checkpoints,
    exactlyOnce: checkpoints.exactlyOnce,
    async commit(lease, range, apply) {
      try {
        await checkpoints.commit(lease, range, apply);
        send({ type: 'commit', outcome: 'ok', to: range.to });
      } catch (err) {
        send({ type: 'commit', outcome: isProjectionError(err) ? (err as { code: string }).code : 'error' });
        throw err;
      }
    },
  };
}

runProcess('projection worker', async () => {
  const task = JSON.parse(process.argv[2] ?? '{}') as ProjectionWorkerTask;
  const store = await JetStreamEventStore.connect({ servers: task.servers, storeName: task.storeName });
  const nc = await connect({ servers: task.servers });
  const runner = runProjection(
    store,
    {
      name: task.projection,
      async apply(batch) {
        send({ type: 'applying' });
        if (task.applyMs > 0) await new Promise((resolve) => setTimeout(resolve, task.applyMs));
        const lines = batch.map(
          ({ event, position }) => `${task.holder}\t${event.actorId}\t${event.version}\t${position}\n`,
        );
        appendFileSync(task.appliedFile, lines.join(''));
        send({ type: 'applied', last: batch[batch.length - 1]?.position });
      },
    },
    {
      checkpoints: reporting(kvCheckpoints(nc, { bucket: task.bucket })),
      holder: task.holder,
      leaseTtlMs: task.leaseTtlMs,
      batchSize: task.batchSize,
    },
  );
  let state = '';
  const watch = setInterval(() => {
    const now = runner.status().state;
    if (now === state) return;
    state = now;
    send({ type: 'state', state, error: runner.status().error });
  }, 10);
  const stopReading = onLines((line) => {
    const [command, argument] = line.split(' ');
    if (command === 'process') {
      runner.whenProcessed(Number(argument), { timeoutMs: 120_000 }).then(
        () => send({ type: 'caught-up', position: runner.status().position }),
        (err: unknown) => send({ type: 'failed', error: String(err) }),
      );
    } else if (command === 'stop') {
      void runner.stop().then(async () => {
        clearInterval(watch);
        send({ type: 'report', position: runner.status().position });
        await nc.close();
        await store.close();
        stopReading();
      });
    }
  });
});
