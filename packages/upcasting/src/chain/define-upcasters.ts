import type { AnyEvent, Event } from '@aether/core';
import { UpcastingError } from '../errors/upcasting-error.js';
import { checkChain } from './check-chain.js';
import { type CheckedChain, upcastEvent } from './upcast-event.js';
import type { Upcasts } from './upcaster-chain.js';

/** The data of the member of the event union `E` whose type is `T`. */
type DataOf<E extends AnyEvent, T extends string> = Extract<E, { eventType: T }>['data'];

/**
 * One chain per event type of `E` that has changed shape, each ending in that type's current data.
 * A type without a chain is at schema version 1.
 */
export type UpcasterChains<E extends AnyEvent> = {
  readonly [T in E['eventType']]?: Upcasts<DataOf<E, T>>;
};

/** The registered chains: every event type's current schema version, and the upgrade of one event. */
export interface Upcasters {
  /** Each event type that has a chain, with its current schema version (types left out are at 1). */
  readonly currentVersions: Readonly<Record<string, number>>;
  /** The current schema version of `eventType`: what saves are stamped with (1 without a chain). */
  currentVersion(eventType: string): number;
  /**
   * `event` in its type's current shape (the same object when it is in it already), its metadata
   * stamped with the current version: for events that do not come from a store, such as a bus's.
   * Throws `UpcastingError` (`SCHEMA_VERSION_UNKNOWN`, `UPCAST_FAILED`).
   */
  upcast(event: AnyEvent): Event;
}

/**
 * Registers the upcaster chains of an application's events, once, where the event union `E` (in
 * its current shapes) is known: `defineUpcasters<OrderEvent>({ OrderPlaced: upcast<V1>().to(2, ...) })`.
 * A chain whose last shape is not `E`'s, whose steps do not line up, or that skips a version does
 * not compile; the same mistakes made past the types (casts, JavaScript) throw `UpcastingError`
 * `CHAIN_INVALID` here.
 */
export function defineUpcasters<E extends AnyEvent = AnyEvent>(chains: UpcasterChains<E>): Upcasters {
  if (typeof chains !== 'object' || chains === null || Array.isArray(chains)) {
    throw new UpcastingError('CHAIN_INVALID', {
      eventType: '',
      message: `defineUpcasters takes an object of chains by event type, got ${chains === null ? 'null' : Array.isArray(chains) ? 'an array' : typeof chains}`,
    });
  }
  const checked = new Map<string, CheckedChain>();
  const currentVersions: Record<string, number> = {};
  for (const [eventType, chain] of Object.entries(chains as Record<string, unknown>)) {
    if (chain === undefined) continue;
    const steps = checkChain(eventType, chain);
    const version = steps.length + 1;
    checked.set(eventType, { version, versionText: String(version), steps });
    currentVersions[eventType] = version;
  }
  const unchanged: CheckedChain = { version: 1, versionText: '1', steps: [] };
  return Object.freeze({
    currentVersions: Object.freeze(currentVersions),
    currentVersion: (eventType: string) => checked.get(eventType)?.version ?? 1,
    upcast: (event: AnyEvent) => upcastEvent(event, checked.get(event.eventType) ?? unchanged),
  });
}
