export {
  findNatsBusError,
  isNatsBusError,
  NatsBusError,
  type NatsBusErrorCode,
  type NatsBusErrorDetails,
} from './errors/bus-error.js';
export { type BusSubscription, NatsEventBus } from './nats-event-bus.js';
export type { NatsEventBusConnectOptions, NatsEventBusOptions } from './options/options.js';
export {
  DEFAULT_SUBJECT_PREFIX,
  MAX_NAMESPACE_BYTES,
  MAX_PREFIX_BYTES,
} from './subjects/subject-layout.js';
export { ORIGIN_HEADER } from './wire/origin.js';
export { payloadBytes } from './wire/payload-bytes.js';
export { PAYLOAD_FORMAT } from './wire/payload-format.js';
