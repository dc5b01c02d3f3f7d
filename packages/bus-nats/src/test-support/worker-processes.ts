import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnyEvent, SubscribeOptions } from '@aether/core';
import type { Received, WireEvent, WorkerReply, WorkerRequest, WorkerStats } from './processes/protocol.js';

const script = fileURLToPath(new URL('../../dist/test-support/processes/bus-worker.js', import.meta.url));

/** A NatsEventBus in another OS process (node on the built worker script), driven over IPC. */
export class BusWorker {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  readonly #exited: Promise<void>;
  #next = 0;

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.on('message', (reply: WorkerReply) => {
      const waiter = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.result);
      else waiter?.reject(new Error(`worker ${child.pid}: ${reply.error}`));
    });
    this.#exited = new Promise((resolve) => {
      child.once('exit', () => {
        for (const waiter of this.#pending.values()) waiter.reject(new Error(`worker ${child.pid} exited`));
        this.#pending.clear();
        resolve();
      });
    });
  }

  /** Starts a worker process and connects its bus (on its own connection) to `servers`. */
  static async start(options: {
    servers: string;
    subjectPrefix: string;
    nodeId: string;
  }): Promise<BusWorker> {
    if (!existsSync(script)) throw new Error(`${script} is missing: build the package first (pnpm build)`);
    const worker = new BusWorker(fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    await worker.#request({ op: 'connect', ...options });
    return worker;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  subscribe(key: string, pattern: string, options?: SubscribeOptions): Promise<void> {
    return this.#request({ op: 'subscribe', key, pattern, options }) as Promise<void>;
  }

  publish(items: readonly { namespace: string; event: AnyEvent }[]): Promise<void> {
    return this.#request({
      op: 'publish',
      items: items.map(({ namespace, event }) => ({ namespace, event: toWire(event) })),
    }) as Promise<void>;
  }

  /** Publishes `count` generated events (ids `<idPrefix>-<index>`, `data.index`), awaiting each; returns how long that took. */
  generate(namespace: string, count: number, idPrefix: string): Promise<{ ms: number }> {
    return this.#request({ op: 'generate', namespace, count, idPrefix }) as Promise<{ ms: number }>;
  }

  flush(): Promise<void> {
    return this.#request({ op: 'flush' }) as Promise<void>;
  }

  received(key: string): Promise<Received[]> {
    return this.#request({ op: 'received', key }) as Promise<Received[]>;
  }

  stats(): Promise<WorkerStats> {
    return this.#request({ op: 'stats' }) as Promise<WorkerStats>;
  }

  /** Closes the bus and ends the process; kills it (by pid) if it has not exited within 5 s. */
  async stop(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5000);
    await this.#request({ op: 'close' }).catch(() => undefined);
    await this.#exited;
    clearTimeout(timer);
  }

  #request(request: WorkerRequest): Promise<unknown> {
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#child.send({ ...request, id });
    });
  }
}

function toWire(event: AnyEvent): WireEvent {
  return { ...(event as unknown as WireEvent), timestamp: event.timestamp.toISOString() };
}
