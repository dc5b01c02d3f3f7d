import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromSubscriber, ToSubscriber } from './wire.js';

const busSubscriber = new URL('./subscriber.js', import.meta.url);

/**
 * The subscriber of a contender, in a process of its own, driven over IPC: the bus's
 * (`subscriber.js`) or any script that answers the same messages (`wire.ts`).
 */
export class SubscriberProcess {
  readonly #child: ChildProcess;
  #replies: ((message: FromSubscriber) => void)[] = [];

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.on('message', (message: FromSubscriber) => this.#replies.shift()?.(message));
  }

  static async start(
    kind: string,
    servers: string,
    channel: string,
    script: URL = busSubscriber,
  ): Promise<SubscriberProcess> {
    const child = fork(fileURLToPath(script), [kind, servers, channel], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const started = new SubscriberProcess(child);
    await new Promise<FromSubscriber>((resolve, reject) => {
      started.#replies.push(resolve);
      child.once('exit', (code) =>
        reject(new Error(`subscriber process exited (${code}) before it was ready`)),
      );
    });
    return started;
  }

  /** Resets the counters; resolves once the subscription is on the server. */
  async arm(latency: boolean): Promise<void> {
    await this.#ask({ op: 'arm', latency });
  }

  /** Waits until `expected` messages arrived (or `timeoutMs` passed) and returns what was measured. */
  async collect(expected: number, timeoutMs: number): Promise<Extract<FromSubscriber, { op: 'result' }>> {
    const reply = await this.#ask({ op: 'collect', expected, timeoutMs });
    if (reply.op !== 'result') throw new Error(`unexpected reply ${reply.op}`);
    return reply;
  }

  /** Ends the process; kills it by its handle if it has not exited within 5 s. */
  async stop(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5000);
    this.#child.send({ op: 'stop' } satisfies ToSubscriber);
    await exited;
    clearTimeout(timer);
  }

  #ask(message: ToSubscriber): Promise<FromSubscriber> {
    return new Promise((resolve) => {
      this.#replies.push(resolve);
      this.#child.send(message);
    });
  }
}
