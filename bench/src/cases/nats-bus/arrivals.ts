// What a receiving process (the bus subscriber, the log follower) keeps of what arrived, and how it
// answers its contender over IPC (wire.ts): one implementation, so both are timed the same way.
import { type FromSubscriber, now, type ToSubscriber } from './wire.js';

/** Counts arrivals, notes when the last came and, when armed for latency, how long each took. */
export class Arrivals {
  #count = 0;
  #lastAt = 0;
  #latency = true;
  #latencies: number[] = [];
  #waiting: { expected: number; settle: () => void } | undefined;

  /** One event arrived, stamped `sentAt` by its writer just before it was sent. */
  received(sentAt: number): void {
    this.#count++;
    this.#lastAt = now();
    if (this.#latency) this.#latencies.push(this.#lastAt - sentAt);
    if (this.#waiting !== undefined && this.#count >= this.#waiting.expected) this.#waiting.settle();
  }

  arm(latency: boolean): void {
    this.#count = 0;
    this.#lastAt = 0;
    this.#latency = latency;
    this.#latencies = [];
  }

  /** What arrived once `expected` events did, or what did by `timeoutMs`. */
  async collect(expected: number, timeoutMs: number): Promise<FromSubscriber & { op: 'result' }> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.#waiting = {
        expected,
        settle: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      if (this.#count >= expected) this.#waiting.settle();
    });
    this.#waiting = undefined;
    return { op: 'result', count: this.#count, lastAt: this.#lastAt, latencies: this.#latencies };
  }
}

export interface Receiver {
  /** Resolves once everything received so far is counted (the bus flushes its connection). */
  flush(): Promise<void>;
  /** Closes what the process opened; the process then exits. */
  close(): Promise<void>;
}

/** Answers the contender's `arm`, `collect` and `stop`, then says `ready`. */
export function answerContender(arrivals: Arrivals, receiver: Receiver): void {
  const send = (message: FromSubscriber) => process.send?.(message);
  process.on('message', async (message: ToSubscriber) => {
    switch (message.op) {
      case 'arm':
        arrivals.arm(message.latency);
        await receiver.flush();
        send({ op: 'armed' });
        return;
      case 'collect':
        send(await arrivals.collect(message.expected, message.timeoutMs));
        return;
      case 'stop':
        await receiver.close();
        process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ op: 'ready' });
}
