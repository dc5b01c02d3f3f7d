export { type JsonLineWorker, spawnJsonLineWorker, type WorkerMessage } from './json-line-worker.js';
export { reportOnCleanExit, whenReady } from './ready-and-report.js';
export { collectStderr, type SpawnNodeOptions, spawnNode } from './spawn-node.js';
export { type StartedWorker, type StartWorkerOptions, startWorker } from './start-worker.js';
