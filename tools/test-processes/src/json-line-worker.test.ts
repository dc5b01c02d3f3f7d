import { describe, expect, it } from 'vitest';
import { spawnJsonLineWorker, type WorkerMessage } from './json-line-worker.js';
import { reportOnCleanExit, whenReady } from './ready-and-report.js';
import { workerScript } from './test-scripts.js';

// Says ready, answers each line with a progress message, reports and exits on `stop`.
const chatty = workerScript(
  'chatty',
  `import { createInterface } from 'node:readline';
const task = JSON.parse(process.argv[2]);
const say = (message) => process.stdout.write(JSON.stringify(message) + '\\n');
say({ type: 'ready' });
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'stop') {
    say({ type: 'report', name: task.name });
    process.exitCode = 0;
    process.stdin.destroy();
  } else say({ type: 'progress', line });
});`,
);
const silent = workerScript('silent', `process.stderr.write('cannot connect'); process.exit(2);`);
const sleeper = workerScript(
  'sleeper',
  `process.stdout.write('{"type":"ready"}\\n'); setInterval(() => {}, 1000);`,
);

describe('spawnJsonLineWorker', () => {
  it('hears every message in order, and reports the last one after a clean exit', async () => {
    const worker = spawnJsonLineWorker(chatty, { name: 'w1' });
    const heard: WorkerMessage[] = [];
    worker.onMessage((message) => heard.push(message));
    const report = reportOnCleanExit(worker, 'chatty');
    await whenReady(worker, 'chatty');
    worker.send('a');
    worker.send('stop');
    await expect(report).resolves.toEqual({ type: 'report', name: 'w1' });
    expect(heard.map((message) => message.type)).toEqual(['ready', 'progress', 'report']);
    expect(worker.messages).toEqual(heard);
  });

  it('rejects ready and report with the label, the exit code and stderr when the worker dies first', async () => {
    const worker = spawnJsonLineWorker(silent, {});
    const report = reportOnCleanExit(worker, 'worker silent');
    await expect(whenReady(worker, 'worker silent')).rejects.toThrow(
      'worker silent exited (2) before it was ready\ncannot connect',
    );
    await expect(report).rejects.toThrow(
      `worker silent (pid ${worker.pid}) exited with 2 without a report\ncannot connect`,
    );
  });

  it('kills by process id and resolves once the process has exited', async () => {
    const worker = spawnJsonLineWorker(sleeper, {}, { stdin: 'ignore' });
    await whenReady(worker, 'sleeper');
    await worker.kill('SIGKILL');
    expect(worker.child.signalCode).toBe('SIGKILL');
    await expect(reportOnCleanExit(worker, 'sleeper')).rejects.toThrow('exited with null without a report');
  });
});
