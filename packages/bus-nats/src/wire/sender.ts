import { ValidationError } from '@aether/core';
import { boundedSubjectToken, type EventRecord, HASHED_TOKEN_MARK } from '@aether/core/adapter';
import type { MsgHdrs, NatsConnection } from '@nats-io/nats-core';
import type { ConnectionWatch } from '../connection/connection-watch.js';
import { NatsBusError } from '../errors/bus-error.js';
import { isClosedConnectionError } from '../errors/classify.js';
import { publishFailure } from '../errors/to-bus-error.js';
import { eventSubject } from '../subjects/subject-layout.js';
import type { TokenCache } from '../subjects/subject-token.js';

import { describeEvent } from './describe-event.js';
import { PayloadEncoder } from './encode-payload.js';
import { originHeaders } from './origin.js';
import { Outbox } from './outbox.js';

export interface SenderOptions {
  nc: NatsConnection;
  watch: ConnectionWatch;
  subjectPrefix: string;
  /** Present on a connection that echoes: each message then says which bus sent it. */
  originNodeId: string | undefined;
  types: TokenCache;
  /** Told about collected messages nats.js refused later (they are lost). */
  report(error: NatsBusError): void;
}

/**
 * The sending half of a bus: checks that the connection is up, builds the subject, encodes the
 * event (payload format 1, see payload-format.ts), refuses what the server would refuse
 * (`max_payload`), and hands the message to nats.js through the outbox. Throws before anything is
 * sent, so a failed publish delivered nothing.
 */
export class Sender {
  readonly #options: SenderOptions;
  readonly #headerBytes: number;
  readonly #outbox: Outbox;
  readonly #encoder = new PayloadEncoder();

  constructor(options: SenderOptions) {
    this.#options = options;
    const { nc, originNodeId, report } = options;
    const headers = originNodeId === undefined ? undefined : originHeaders(originNodeId);
    this.#headerBytes =
      headers === undefined ? 0 : (headers as MsgHdrs & { encode(): Uint8Array }).encode().length;
    // One options object for every message; nats.js reads it (and sets its `reply`) on each publish,
    // and would allocate one per message when given none.
    const publishOptions = headers === undefined ? {} : { headers };
    this.#outbox = new Outbox(
      (subject, payload) => nc.publish(subject, payload, publishOptions),
      (error, lost) => {
        const closed = isClosedConnectionError(error) || nc.isClosed();
        report(
          new NatsBusError(
            closed ? 'CONNECTION_CLOSED' : 'PUBLISH_FAILED',
            `${lost} published event(s) were lost: nats.js refused them (${(error as Error).message})`,
            { cause: error },
          ),
        );
      },
    );
  }

  /** Sends a checked event; throws `NatsBusError` (`DISCONNECTED`, `CONNECTION_CLOSED`, ...) or `ValidationError`. */
  send(namespace: string, event: EventRecord): void {
    const { nc, watch, subjectPrefix, types } = this.#options;
    if (nc.isClosed()) throw publishFailure(undefined, true, describeEvent(event));
    if (!watch.connected) {
      throw new NatsBusError(
        'DISCONNECTED',
        `cannot publish ${describeEvent(event)}: the NATS connection is down and reconnecting; nothing was delivered, retry the same event once it is back`,
      );
    }
    const typeToken = types.get(event.eventType);
    const actorToken = boundedSubjectToken(event.actorId);
    const subject = eventSubject(subjectPrefix, typeToken, actorToken, namespace);
    // A hashed token cannot be decoded: the value then travels in the payload.
    const payload = this.#encoder.encode(
      event,
      typeToken.startsWith(HASHED_TOKEN_MARK),
      actorToken.startsWith(HASHED_TOKEN_MARK),
    );
    const size = payload.length + this.#headerBytes;
    const maxPayload = nc.info?.max_payload;
    if (maxPayload !== undefined && size > maxPayload) {
      throw new ValidationError(
        'event',
        `${describeEvent(event)} is ${size} bytes as a NATS message; the server accepts at most ${maxPayload} (max_payload)`,
      );
    }
    try {
      this.#outbox.add(subject, payload);
    } catch (err) {
      throw publishFailure(err, nc.isClosed(), describeEvent(event));
    }
  }

  /** Hands every collected message to nats.js now. */
  flush(): void {
    this.#outbox.flush();
  }
}
