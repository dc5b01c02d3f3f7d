import type { AnyEvent } from '@aether/core';
import type { NextVersion } from './next-version.js';

/**
 * Turns an event's data from one schema version into the next. It gets the stored event too (read
 * only), for an upgrade that needs, say, its timestamp. It must be pure: it runs on every read.
 */
export type Upcaster<From, To> = (data: From, event: AnyEvent) => To;

/** One step of a chain: the upcaster that makes schema version `version` from `version - 1`. */
export interface UpcastStep {
  readonly version: number;
  // `never`: a step of any input type can be kept here; the chain's types make sure inputs line up.
  readonly up: Upcaster<never, unknown>;
}

declare const shape: unique symbol;

/**
 * A chain of upcasters for one event type, as `defineUpcasters` takes it: its steps, and (in the
 * types only) the shape of the data its last step makes.
 */
export interface Upcasts<Data> {
  /** The schema version the chain ends at: its event type's current version. */
  readonly version: number;
  /** The upcasters to versions 2, 3, ... in order. */
  readonly steps: readonly UpcastStep[];
  /** Never set: it carries `Data` in the types, so a chain that ends in the wrong shape does not compile. */
  readonly [shape]?: Data;
}

/** A chain being written: at schema version `Version`, whose data then has the shape `Data`. */
export interface UpcasterChain<Version extends number, Data> extends Upcasts<Data> {
  readonly version: Version;
  /**
   * The next step: `version` must be this chain's version + 1, and `up` turns this chain's `Data`
   * into the next version's shape.
   */
  to<Next extends NextVersion<Version>, NextData>(
    version: Next,
    up: Upcaster<Data, NextData>,
  ): UpcasterChain<Next, NextData>;
}

/**
 * Starts the chain of an event type whose first shape (schema version 1) is `V1`:
 * `upcast<PlacedV1>().to(2, (v1) => ({ ...v1, currency: 'EUR' })).to(3, (v2) => ...)`.
 */
export function upcast<V1 = Record<string, unknown>>(): UpcasterChain<1, V1> {
  return chainOf([]) as UpcasterChain<1, V1>;
}

function chainOf(steps: readonly UpcastStep[]): UpcasterChain<number, unknown> {
  return Object.freeze({
    // As written: `defineUpcasters` checks that the versions count up by one.
    version: steps.length === 0 ? 1 : (steps[steps.length - 1] as UpcastStep).version,
    steps,
    to(version: number, up: Upcaster<unknown, unknown>) {
      return chainOf(
        Object.freeze([...steps, Object.freeze({ version, up: up as Upcaster<never, unknown> })]),
      );
    },
  }) as UpcasterChain<number, unknown>;
}
