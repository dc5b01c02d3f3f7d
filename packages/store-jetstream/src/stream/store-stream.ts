import type { JetStreamManager, MsgRequest, StoredMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { LogConsumer, type LogConsumerHandlers } from '../log/log-consumer.js';
import type { ResolvedConfig } from '../options/resolve-options.js';
import type { MessageSink } from './pull-range.js';
import { readRange } from './read-range.js';

/**
 * The store's stream on the server, as the read and write paths ask it: one message at a time
 * (one round trip each), or a range of an actor's subject with a consumer of its own. It knows
 * what decides how to ask: the stream's replicas.
 */
export class StoreStream {
  /** The JetStream stream's name. */
  readonly name: string;
  /**
   * The stream's replica count. On one replica the server's expectation check is exact and a
   * direct get is consistent; with more, the store checks each save itself (see `belongsAfter`)
   * and asks the leader.
   */
  readonly replicas: number;
  /** How long any answer may take, in milliseconds (the `timeout` option). */
  readonly timeoutMs: number;
  readonly #nc: NatsConnection;
  readonly #jsm: JetStreamManager;
  readonly #maxPayload: number;
  readonly #subjectPrefix: string;
  /** Consumer deletions still running: `idle()` waits for them. */
  readonly #background = new Set<Promise<unknown>>();

  constructor(
    nc: NatsConnection,
    jsm: JetStreamManager,
    options: { config: ResolvedConfig; timeoutMs: number; maxPayload: number },
  ) {
    this.name = options.config.stream;
    this.replicas = options.config.replicas;
    this.timeoutMs = options.timeoutMs;
    this.#nc = nc;
    this.#jsm = jsm;
    this.#maxPayload = options.maxPayload;
    this.#subjectPrefix = options.config.subjectPrefix;
  }

  /**
   * Where the log is now, from the stream's info (which its leader answers): its first and last
   * sequence. `first` is the first sequence the stream still has (events before it expired), one
   * past `last` when it holds none.
   */
  async bounds(): Promise<{ first: number; last: number }> {
    const { state } = await this.#jsm.streams.info(this.name);
    return { first: state.messages > 0 ? state.first_seq : state.last_seq + 1, last: state.last_seq };
  }

  /** A consumer over the whole log from stream sequence `startSeq` on (see `LogConsumer`). */
  openLogConsumer(startSeq: number, handlers: LogConsumerHandlers): Promise<LogConsumer> {
    return LogConsumer.open(
      {
        nc: this.#nc,
        jsm: this.#jsm,
        stream: this.name,
        filterSubject: `${this.#subjectPrefix}.*`,
        maxMessageBytes: this.#maxPayload,
        cleanup: (deletion) => this.#track(deletion),
      },
      startSeq,
      handlers,
    );
  }

  /** The last message on `subject`, or null when it has none: one round trip (see `#getMessage`). */
  lastMessage(subject: string): Promise<StoredMsg | null> {
    return this.#getMessage({ last_by_subj: subject });
  }

  /** The message at stream sequence `seq`, or null. */
  messageAt(seq: number): Promise<StoredMsg | null> {
    return this.#getMessage({ seq });
  }

  /** The first message on `subject` at or after stream sequence `seq`, or null. */
  nextMessage(subject: string, seq: number): Promise<StoredMsg | null> {
    // nats.js types these queries without next_by_subj, which the server has taken since 2.9 and
    // nats.js sends as it is.
    return this.#getMessage({ seq, next_by_subj: subject } as unknown as MsgRequest);
  }

  /**
   * Reads the messages of `subject` from `startSeq` to `endSeq` into `sink`, as they arrive, with a
   * consumer of its own (`readRange`), deleted afterwards in the background (`idle()`).
   */
  readRange(subject: string, startSeq: number, endSeq: number, sink: MessageSink): Promise<void> {
    return readRange(
      { nc: this.#nc, jsm: this.#jsm },
      {
        stream: this.name,
        subject,
        startSeq,
        endSeq,
        idleTimeoutMs: this.timeoutMs,
        trustPending: this.replicas === 1,
        maxMessageBytes: this.#maxPayload,
        cleanup: (deletion) => this.#track(deletion),
      },
      sink,
    );
  }

  /** Settles once every consumer deletion started so far has settled. */
  async idle(): Promise<void> {
    while (this.#background.size > 0) await Promise.allSettled([...this.#background]);
  }

  #track(task: Promise<unknown>): void {
    this.#background.add(task);
    void task.finally(() => this.#background.delete(task));
  }

  /**
   * One message, one round trip, consistent with every acknowledged append. On a stream with one
   * replica that is a direct get (`$JS.API.DIRECT.GET`, answered by the only copy). With replicas,
   * a direct get is answered by any replica that is current, preferably one on the server the
   * client is connected to, and a follower applies an append a moment after the leader
   * acknowledged it: it can answer with the message before (measured on a 3-node cluster, see the
   * README). There the store asks `$JS.API.STREAM.MSG.GET`, which only the stream leader answers.
   */
  #getMessage(query: MsgRequest): Promise<StoredMsg | null> {
    return this.replicas > 1
      ? this.#jsm.streams.getMessage(this.name, query)
      : this.#jsm.direct.getMessage(this.name, query);
  }
}
