import { fileURLToPath, pathToFileURL } from 'node:url';
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

// The worker side from the built `./worker` entry: fails when told to, else echoes after the start line.
const workerEntry = pathToFileURL(fileURLToPath(new URL('../dist/worker.js', import.meta.url))).href;
const helped = workerScript(
  'helped',
  `import { firstLine, runWorker } from '${workerEntry}';
runWorker('helped', async (task) => {
  if (task.fail) throw new Error('cannot open the store');
  process.stdout.write('ready\\n');
  await firstLine();
  return { echoed: task.value };
});`,
);

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

  it('works with a worker written with runWorker and firstLine, which exits once it has reported', async () => {
    const worker = startWorker<{ value: number }, { echoed: number }>(
      helped,
      { value: 9 },
      { label: 'helped' },
    );
    await worker.ready;
    worker.child.stdin?.write('go\n'); // stdin stays open here: the worker must let it go itself
    await expect(worker.done).resolves.toEqual({ echoed: 9 });
  });

  it('reports a failed runWorker run as the worker name and message on stderr, exit code 1', async () => {
    const worker = startWorker(helped, { fail: true }, { label: 'worker p2' });
    await expect(worker.done).rejects.toThrow('worker p2 exited with 1: helped: cannot open the store');
  });
});
