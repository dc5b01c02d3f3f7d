import {
  type EventSubscription,
  type LogSubscribeOptions,
  type Position,
  type RecordedEvent,
  ReplayError,
} from '@aether/core';
import type { Upcasters } from '../chain/define-upcasters.js';
import { upcastRead } from './upcast-read.js';

/**
 * A store's subscription, each event in its current shape. An event that cannot be upcast goes to
 * `onReplayError` and the iteration goes on, or, without that option, ends the subscription and
 * throws its `ReplayError` from the iteration, as the log contract says.
 */
export class UpcastingSubscription implements EventSubscription {
  readonly #inner: EventSubscription;
  readonly #upcasters: Upcasters;
  readonly #onReplayError: ((error: ReplayError) => void) | undefined;

  constructor(inner: EventSubscription, upcasters: Upcasters, options: LogSubscribeOptions | undefined) {
    this.#inner = inner;
    this.#upcasters = upcasters;
    this.#onReplayError = options?.onReplayError;
  }

  get caughtUp(): Promise<Position> {
    return this.#inner.caughtUp;
  }

  close(): Promise<void> {
    return this.#inner.close();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
    try {
      for await (const { event, position } of this.#inner) {
        const upcasted = upcastRead(this.#upcasters, event, position);
        if (!(upcasted instanceof ReplayError)) yield { event: upcasted, position };
        else if (this.#onReplayError === undefined) throw upcasted;
        else this.#onReplayError(upcasted);
      }
    } finally {
      // Leaving the loop, by break or by an error, ends the store's subscription too.
      await this.#inner.close();
    }
  }
}
