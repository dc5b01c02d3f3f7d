export type { NatsUser } from './authorization.js';
export { connectionNames } from './connection-names.js';
export { dropStreams } from './drop-streams.js';
export { NatsServerNotFoundError } from './find-binary.js';
export { freePort } from './free-port.js';
export { type OptionalPermissions, type Permission, permissionsBlock, userWith } from './permissions.js';
export { type NatsCluster, type StartNatsClusterOptions, startNatsCluster } from './start-nats-cluster.js';
export { type NatsServer, type StartNatsServerOptions, startNatsServer } from './start-nats-server.js';
export { type TestTls, testTls } from './test-tls.js';
