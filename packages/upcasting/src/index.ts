/**
 * `@aether/upcasting`: schema evolution for Aether's events. Typed chains of upcasters per event
 * type (`upcast<V1>().to(2, ...).to(3, ...)`), registered once with `defineUpcasters`, and
 * `withUpcasting(store, upcasters)`, which makes any `EventStore` stamp the current schema version
 * on save and hand out only current shapes on every read.
 */
export {
  defineUpcasters,
  type UpcasterChains,
  type Upcasters,
} from './chain/define-upcasters.js';
export type { NextVersion } from './chain/next-version.js';
export {
  type Upcaster,
  type UpcasterChain,
  type UpcastStep,
  type Upcasts,
  upcast,
} from './chain/upcaster-chain.js';
export {
  findUpcastingError,
  isUpcastingError,
  UpcastingError,
  type UpcastingErrorCode,
  type UpcastingErrorEvent,
} from './errors/upcasting-error.js';
export { SCHEMA_VERSION_KEY } from './schema-version.js';
export { type UpcastingOptions, type UpcastingStore, withUpcasting } from './store/with-upcasting.js';
