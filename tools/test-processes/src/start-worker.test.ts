import { describe, expect, it } from 'vitest';
import { startWorker } from './start-worker.js';
import { workerScript } from './test-scripts.js';

// Reads its task, says ready, waits for a line on stdin, reports and exits.
const echo = workerScript(
  'echo',
  `const task = JSON.parse(process.argv[2]);
process.stdout.write('ready\\n');
process.stdin.once('data', () => {
  process.stdout.write(JSON.stringify({ echoed: task.value }));
  process.exit(0);
});`,
);
const dies = workerScript('dies', `process.stderr.write('no store here'); process.exit(3);`);

describe('startWorker', () => {
  it('is ready after the ready line and resolves with the report once the worker has gone', async () => {
    const worker = startWorker<{ value: number }, { echoed: number }>(echo, { value: 7 }, { label: 'echo' });
    await worker.ready;
    worker.child.stdin?.end('go\n');
    await expect(worker.done).resolves.toEqual({ echoed: 7 });
  });

  it('lets a test waiting for ready go on when the worker dies, and rejects with its stderr', async () => {
    const worker = startWorker(dies, {}, { label: 'worker p1' });
    await worker.ready;
    await expect(worker.done).rejects.toThrow('worker p1 exited with 3: no store here');
  });

  it('refuses a missing script with the hint, when one is given', () => {
    expect(() =>
      startWorker('/nowhere/worker.js', {}, { label: 'w', missingScriptHint: 'build first' }),
    ).toThrow('/nowhere/worker.js does not exist: build first');
  });
});
