export {
  type NatsPermissions,
  type NatsUser,
  renderAuthorization,
  type SubjectPermission,
} from './authorization.js';
export { type ClusterNodeConfig, LOOPBACK, type NatsNodeConfig, renderNatsConfig } from './config-file.js';
export { connectionNames } from './connection-names.js';
export {
  DEBIAN_NATS_SERVER,
  type FindBinaryOptions,
  findNatsServer,
  INSTALL_HINT,
  NatsServerNotFoundError,
} from './find-binary.js';
export { freePort } from './free-port.js';
export { waitHealthy } from './health.js';
export { type OptionalPermissions, type Permission, permissionsBlock, userWith } from './permissions.js';
export { processState, waitForProcessState } from './process-state.js';
export { readServerInfo } from './server-info.js';
export { type NatsCluster, type StartNatsClusterOptions, startNatsCluster } from './start-nats-cluster.js';
export { type NatsServer, type StartNatsServerOptions, startNatsServer } from './start-nats-server.js';
export { type TestTls, testTls } from './test-tls.js';
export { uniqueName } from './unique-name.js';
