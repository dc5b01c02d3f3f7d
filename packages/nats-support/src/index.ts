export {
  ApiCodes,
  apiCodeOf,
  classifyNatsError,
  isWrongLastSequence,
  type NatsFailure,
} from './classify-nats-error.js';
export { type OwnedConnections, ownedConnections } from './owned-connections.js';
