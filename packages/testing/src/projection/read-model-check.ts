import { readModelText, textDiff } from '../report/read-model-diff.js';
import { SpecFailure } from '../spec/spec-failure.js';
import { type Delivery, deliveryNames } from './deliveries.js';
import type { Ran } from './run-projection-spec.js';

/** Runs the spec's projection under a delivery, on a fresh read model. */
export type RunDelivery<R> = (delivery: Delivery) => Promise<Ran<R>>;

/** A delivery about to be checked: say what the read model must hold. Returns a promise to await. */
export interface ReadModelCheck<R> {
  /** The read model, after the last batch, equals `expected` (compared as sorted JSON; see the README). */
  then(expected: R): Promise<void>;
}

const notIdempotent = [
  'Delivered once, the read model is as expected: apply is not idempotent. Projections are delivered',
  'at least once (a checkpoint store whose exactlyOnce is false, such as memoryCheckpoints, applies a',
  'batch again after a crash before its checkpoint): keep what was applied with the read model, e.g.',
  "each actor's last version, and skip the events at or below it.",
].join('\n');

/** The check of one delivery; each `then` runs the projection anew on a fresh read model. */
export class DeliveryCheck<R> implements ReadModelCheck<R> {
  readonly #run: RunDelivery<R>;
  readonly #delivery: Delivery;

  constructor(run: RunDelivery<R>, delivery: Delivery) {
    this.#run = run;
    this.#delivery = delivery;
  }

  // biome-ignore lint/suspicious/noThenProperty: `then` is the DSL's word (given/when/then); awaiting the check itself by mistake is caught below
  async then(expected: R, ...awaited: unknown[]): Promise<void> {
    const reject = awaited[0];
    if (typeof expected === 'function' && typeof reject === 'function') {
      // `await spec.given(events)` calls then(resolve, reject) and waits for one of them.
      reject(
        new SpecFailure('then() takes the expected read model: await then(expected), not given() itself'),
      );
      return;
    }
    const wanted = readModelText(expected);
    const { projection, readModel: actual } = await this.#run(this.#delivery);
    const got = readModelText(actual);
    if (got === wanted) return;
    const lines = [
      `projection ${JSON.stringify(projection)}: the read model is not the expected one ${deliveryNames[this.#delivery]}:`,
      textDiff(wanted, got),
    ];
    if (this.#delivery !== 'once') lines.push(await this.#once(wanted));
    throw new SpecFailure(lines.join('\n'), { expected, actual });
  }

  // Whether delivering each batch once gives the expected read model: then the fault is idempotency.
  async #once(wanted: string): Promise<string> {
    try {
      const once = readModelText((await this.#run('once')).readModel);
      return once === wanted ? notIdempotent : 'Delivered once, it is not as expected either.';
    } catch (error) {
      return `Delivered once, it fails too: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

/** Given events: `then` delivers each batch once, the `when...` methods choose a redelivery. */
export class GivenCheck<R> extends DeliveryCheck<R> {
  readonly #run: RunDelivery<R>;

  constructor(run: RunDelivery<R>) {
    super(run, 'once');
    this.#run = run;
  }

  whenDeliveredTwice(): ReadModelCheck<R> {
    return new DeliveryCheck(this.#run, 'twice');
  }

  whenCrashedAfterApply(): ReadModelCheck<R> {
    return new DeliveryCheck(this.#run, 'crashAfterApply');
  }
}
