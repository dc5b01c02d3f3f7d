import type { JsonLineWorker, WorkerMessage } from './json-line-worker.js';

/**
 * Resolves when `worker` sends a `ready` message; rejects, naming it by `label`, when it exits
 * first. A rejection nobody awaits yet is not reported as unhandled: the test sees it when it
 * awaits.
 */
export function whenReady(worker: JsonLineWorker, label: string): Promise<void> {
  const ready = new Promise<void>((resolve, reject) => {
    if (worker.messages.some((message) => message.type === 'ready')) resolve();
    worker.onMessage((message) => {
      if (message.type === 'ready') resolve();
    });
    void worker.exited.then((code) =>
      reject(new Error(`${label} exited (${code}) before it was ready\n${worker.stderr()}`)),
    );
  });
  ready.catch(() => undefined);
  return ready;
}

/**
 * Resolves with the worker's last message when it exits with 0 and that message is its `report`;
 * rejects with its stderr otherwise (unawaited rejections are not reported, as for `whenReady`).
 */
export function reportOnCleanExit<Report = WorkerMessage>(
  worker: JsonLineWorker,
  label: string,
): Promise<Report> {
  const report = worker.exited.then((code) => {
    const last = worker.messages.at(-1);
    if (code !== 0 || last?.type !== 'report') {
      throw new Error(
        `${label} (pid ${worker.pid}) exited with ${code} without a report\n${worker.stderr()}`,
      );
    }
    return last as Report;
  });
  report.catch(() => undefined);
  return report;
}
