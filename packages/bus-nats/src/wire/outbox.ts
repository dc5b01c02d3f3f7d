/** Hands one message to nats.js; throws what `NatsConnection.publish` throws. */
export type SendFn = (subject: string, payload: Uint8Array) => void;

/** Bytes of payload the outbox holds before it hands everything to nats.js at once (as nats.js flushes at 32 KiB). */
export const OUTBOX_BYTES = 32 * 1024;

/**
 * Hands published messages to nats.js in batches. nats.js writes to the socket in a microtask
 * after the first message it is given, so a publisher that awaits each publish would cost one
 * socket write per event. The outbox sends the first message of a turn of the event loop at once
 * (a lone publish waits for nothing), collects the ones after it, and hands them over when
 * `OUTBOX_BYTES` of payload are waiting or at the next turn (`setImmediate`), whichever comes
 * first. Order is kept; memory is bounded by `OUTBOX_BYTES` plus one message. A failure to hand
 * over a collected message goes to `onFailure` with the number of messages lost (the connection
 * closed in between); live delivery is at-most-once.
 */
export class Outbox {
  readonly #send: SendFn;
  readonly #onFailure: (error: unknown, lost: number) => void;
  #subjects: string[] = [];
  #payloads: Uint8Array[] = [];
  #bytes = 0;
  #turn = false;

  constructor(send: SendFn, onFailure: (error: unknown, lost: number) => void) {
    this.#send = send;
    this.#onFailure = onFailure;
  }

  /** Messages waiting to be handed to nats.js. */
  get pending(): number {
    return this.#subjects.length;
  }

  /** Sends now (first of a turn; throws what nats.js throws) or collects the message for later. */
  add(subject: string, payload: Uint8Array): void {
    if (!this.#turn) {
      this.#turn = true;
      setImmediate(() => {
        this.#turn = false;
        this.flush();
      });
      this.#send(subject, payload);
      return;
    }
    this.#subjects.push(subject);
    this.#payloads.push(payload);
    this.#bytes += payload.length;
    if (this.#bytes >= OUTBOX_BYTES) this.flush();
  }

  /** Hands every waiting message to nats.js now, in order. */
  flush(): void {
    const subjects = this.#subjects;
    const payloads = this.#payloads;
    if (subjects.length === 0) return;
    this.#subjects = [];
    this.#payloads = [];
    this.#bytes = 0;
    for (let index = 0; index < subjects.length; index++) {
      try {
        this.#send(subjects[index] as string, payloads[index] as Uint8Array);
      } catch (error) {
        this.#onFailure(error, subjects.length - index);
        return;
      }
    }
  }
}
